package io.github.workerbench.core.worker;

import io.github.workerbench.core.metrics.JobObserver;
import io.github.workerbench.core.workload.AsyncContext;
import io.github.workerbench.core.workload.FailureSchedule;
import io.github.workerbench.core.workload.WorkDurations;
import io.github.workerbench.core.workload.WorkFailedException;
import io.github.workerbench.core.workload.Workload;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One job's life inside a strategy: take its duration, tell the observer it started, do the work
 * (maybe failing on purpose), tell the observer it finished, then complete or fail it at the
 * engine. A failed handler run is a measured outcome: the job is failed with one retry fewer and
 * a short backoff, and nothing is thrown. Thread-safe; strategies decide on which thread it runs.
 */
final class JobExecution {

  /** The backoff before the engine offers a failed job again. */
  static final Duration RETRY_BACKOFF = Duration.ofMillis(100);

  private static final Logger LOG = LoggerFactory.getLogger("workerbench.worker");

  /** Work done by a blocking call, e.g. a workload or a child JVM of the process pool. */
  @FunctionalInterface
  interface BlockingWork {
    void run(Duration duration) throws Exception;
  }

  private final Workload workload;
  private final JobReporter reporter;
  private final JobObserver observer;
  private final LongSupplier nanoClock;
  private final WorkDurations durations;
  private final FailureSchedule failures;

  JobExecution(
      Workload workload,
      JobReporter reporter,
      JobObserver observer,
      LongSupplier nanoClock,
      WorkDurations durations,
      FailureSchedule failures) {
    this.workload = workload;
    this.reporter = reporter;
    this.observer = observer;
    this.nanoClock = nanoClock;
    this.durations = durations;
    this.failures = failures;
  }

  Workload workload() {
    return workload;
  }

  /** Works the job on this thread with the workload's blocking form and reports it. */
  void runBlocking(Job job, long activatedNanos) {
    runBlocking(job, activatedNanos, workload::run);
  }

  /**
   * Works the job on this thread with {@code work} and waits for the engine to take the report.
   * Returns early without reporting when the thread is interrupted (the worker is closing).
   */
  void runBlocking(Job job, long activatedNanos, BlockingWork work) {
    Duration duration = durations.next();
    boolean injectFailure = failures.nextRunFails();
    observer.started(job.key(), activatedNanos, nanoClock.getAsLong());
    Throwable error = null;
    try {
      work.run(duration);
    } catch (InterruptedException e) {
      observer.finished(job.key(), nanoClock.getAsLong());
      Thread.currentThread().interrupt();
      return;
    } catch (Exception | Error e) {
      error = e;
    }
    observer.finished(job.key(), nanoClock.getAsLong());
    try {
      report(job, injected(error, injectFailure)).toCompletableFuture().join();
    } catch (CompletionException | java.util.concurrent.CancellationException e) {
      LOG.debug("Reporting job {} did not finish", job.key(), e);
    }
  }

  /**
   * Starts the job's work with the workload's non-blocking form and reports it; the future
   * completes once the engine took the report (normally even when the job failed).
   */
  CompletableFuture<Void> runAsync(Job job, long activatedNanos, AsyncContext context) {
    Duration duration = durations.next();
    boolean injectFailure = failures.nextRunFails();
    observer.started(job.key(), activatedNanos, nanoClock.getAsLong());
    CompletableFuture<Void> work;
    try {
      work = workload.runAsync(duration, context);
    } catch (RuntimeException e) {
      work = CompletableFuture.failedFuture(e);
    }
    return work.handle(
            (ignored, error) -> {
              observer.finished(job.key(), nanoClock.getAsLong());
              return injected(unwrap(error), injectFailure);
            })
        .thenCompose(error -> report(job, error).toCompletableFuture())
        .exceptionally(
            e -> {
              LOG.debug("Reporting job {} did not finish", job.key(), e);
              return null;
            });
  }

  private CompletableFuture<Void> report(Job job, Throwable error) {
    if (error == null) {
      return reporter
          .complete(job)
          .toCompletableFuture()
          .thenAccept(
              ignored ->
                  observer.completed(
                      job.key(), job.processInstanceKey(), nanoClock.getAsLong()));
    }
    int retriesLeft = Math.max(0, job.retries() - 1);
    String reason = String.valueOf(error.getMessage());
    return reporter
        .fail(job, retriesLeft, RETRY_BACKOFF, reason)
        .toCompletableFuture()
        .handle(
            (ignored, failError) -> {
              observer.failed(job.key(), retriesLeft, reason, nanoClock.getAsLong());
              return null;
            });
  }

  private static Throwable injected(Throwable error, boolean injectFailure) {
    if (error == null && injectFailure) {
      return new WorkFailedException("injected failure (failure_rate)");
    }
    return error;
  }

  private static Throwable unwrap(Throwable error) {
    return error instanceof CompletionException && error.getCause() != null
        ? error.getCause()
        : error;
  }
}
