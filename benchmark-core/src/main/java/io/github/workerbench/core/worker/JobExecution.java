package io.github.workerbench.core.worker;

import io.camunda.client.api.worker.JobClient;
import io.github.workerbench.core.handler.JobCommand;
import io.github.workerbench.core.handler.RecordingJobClient;
import io.github.workerbench.core.handler.UserHandler;
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
 *
 * <p>With a user's handler ({@link UserHandler}) the handler does the work and completes or fails
 * the job itself, through a {@link RecordingJobClient} around the source's client: the job counts
 * as ended when the engine acknowledged the handler's command (the observer hears it then), and
 * the strategy's slot is held until that answer, as a blocking production worker's thread is. A
 * handler that throws before sending a command fails the job with one retry fewer, as the
 * client's JobWorker does; one that returns without sending any leaves the job to its timeout.
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

  /**
   * A user's handler run for one job on this thread: here, or in a child JVM of the process pool
   * that forwards the handler's commands to {@code client}.
   */
  @FunctionalInterface
  interface HandlerWork {
    void run(Job job, JobClient client) throws Exception;
  }

  private final Workload workload;
  private final JobReporter reporter;
  private final JobObserver observer;
  private final LongSupplier nanoClock;
  private final WorkDurations durations;
  private final FailureSchedule failures;
  private final UserHandler handler;
  private final HandlerWork handlerWork;

  JobExecution(
      Workload workload,
      JobReporter reporter,
      JobObserver observer,
      LongSupplier nanoClock,
      WorkDurations durations,
      FailureSchedule failures) {
    this(workload, reporter, observer, nanoClock, durations, failures, null, null);
  }

  private JobExecution(
      Workload workload,
      JobReporter reporter,
      JobObserver observer,
      LongSupplier nanoClock,
      WorkDurations durations,
      FailureSchedule failures,
      UserHandler handler,
      HandlerWork handlerWork) {
    this.workload = workload;
    this.reporter = reporter;
    this.observer = observer;
    this.nanoClock = nanoClock;
    this.durations = durations;
    this.failures = failures;
    this.handler = handler;
    this.handlerWork = handlerWork;
  }

  /**
   * The execution of a user's handler: {@code workload} stands for the kind of work it does (for
   * {@code auto}), and is never run.
   */
  static JobExecution ofHandler(
      UserHandler handler,
      Workload workload,
      JobReporter reporter,
      JobObserver observer,
      LongSupplier nanoClock) {
    return new JobExecution(
        workload,
        reporter,
        observer,
        nanoClock,
        WorkDurations.balanced(1, Duration.ZERO, 0, WorkDurations.DEFAULT_SEED),
        FailureSchedule.none(),
        handler,
        (job, client) -> handler.handleBlocking(client, job.forHandler()));
  }

  /** This execution with its handler run by {@code work} (a child JVM's), everything else kept. */
  JobExecution withHandlerWork(HandlerWork work) {
    return new JobExecution(workload, reporter, observer, nanoClock, durations, failures, handler, work);
  }

  /** The user's handler this execution runs, or {@code null} for the harness's own work. */
  UserHandler handler() {
    return handler;
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
    if (handler != null) {
      runHandler(job, activatedNanos);
      return;
    }
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
    if (handler != null) {
      return runHandlerAsync(job, activatedNanos);
    }
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

  /** A user's handler on this thread, its slot held until the engine answered its command. */
  private void runHandler(Job job, long activatedNanos) {
    RecordingJobClient client = recording(job);
    observer.started(job.key(), activatedNanos, nanoClock.getAsLong());
    Throwable error = null;
    try {
      handlerWork.run(job, client);
    } catch (InterruptedException e) {
      handlerReturned(job, client);
      Thread.currentThread().interrupt();
      return;
    } catch (Exception | Error e) {
      error = e;
    }
    handlerReturned(job, client);
    try {
      handlerEnded(job, client, error).join();
    } catch (CompletionException | java.util.concurrent.CancellationException e) {
      LOG.debug("Job {}'s handler command did not finish", job.key(), e);
    }
  }

  /** A user's non-blocking handler; the future completes once the engine answered its command. */
  private CompletableFuture<Void> runHandlerAsync(Job job, long activatedNanos) {
    RecordingJobClient client = recording(job);
    observer.started(job.key(), activatedNanos, nanoClock.getAsLong());
    return handler
        .handleAsync(client, job.forHandler())
        .toCompletableFuture()
        .handle(
            (ignored, error) -> {
              handlerReturned(job, client);
              return unwrap(error);
            })
        .thenCompose(error -> handlerEnded(job, client, error))
        .exceptionally(
            e -> {
              LOG.debug("Job {}'s handler command did not finish", job.key(), e);
              return null;
            });
  }

  /**
   * After the handler: the answer to its command when it sent one; else, when it threw, the job
   * failed with one retry fewer as the client's JobWorker fails it; else nothing (the job times
   * out at the engine).
   */
  private CompletableFuture<Void> handlerEnded(Job job, RecordingJobClient client, Throwable error) {
    if (client.sentAny()) {
      return client.ended().whenComplete(
          (ignored, refused) -> {
            if (refused != null) {
              observer.released(job.key(), nanoClock.getAsLong());
            }
          });
    }
    if (error != null) {
      return report(job, error);
    }
    LOG.debug("Job {}'s handler returned without completing or failing it", job.key());
    observer.released(job.key(), nanoClock.getAsLong());
    return CompletableFuture.completedFuture(null);
  }

  /**
   * The handler returned: its work ended now unless it sent a command before returning, which
   * ended it then ({@link RecordingJobClient.Listener#sending}), so that a handler waiting for its
   * command's answer spends that wait awaiting completion, not working.
   */
  private void handlerReturned(Job job, RecordingJobClient client) {
    if (!client.sending()) {
      observer.finished(job.key(), nanoClock.getAsLong());
    }
  }

  private RecordingJobClient recording(Job job) {
    return new RecordingJobClient(
        reporter.jobClient(),
        new RecordingJobClient.Listener() {
          @Override
          public void sending(long nanos) {
            observer.finished(job.key(), nanos);
          }

          @Override
          public void acknowledged(JobCommand.Kind kind, int retries, String message, long nanos) {
            switch (kind) {
              case COMPLETE -> observer.completed(job.key(), job.processInstanceKey(), nanos);
              case FAIL -> observer.failed(job.key(), retries, String.valueOf(message), nanos);
              // an error no boundary event catches ends the job as an incident does
              case THROW_ERROR -> observer.failed(job.key(), 0, String.valueOf(message), nanos);
            }
          }
        },
        nanoClock);
  }

  private CompletableFuture<Void> report(Job job, Throwable error) {
    if (error == null) {
      return reporter
          .complete(job)
          .toCompletableFuture()
          .whenComplete(
              (ignored, refused) -> {
                if (refused == null) {
                  observer.completed(job.key(), job.processInstanceKey(), nanoClock.getAsLong());
                } else {
                  observer.released(job.key(), nanoClock.getAsLong());
                }
              })
          .thenApply(ignored -> (Void) null);
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
