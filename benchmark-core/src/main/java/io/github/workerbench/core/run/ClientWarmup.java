package io.github.workerbench.core.run;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobWorker;
import io.github.workerbench.core.BenchmarkException;
import io.github.workerbench.model.scenario.AcquisitionKind;
import io.github.workerbench.model.scenario.ScenarioPlan;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One warm-up: on a process of its own (deployed by the runner, whose job type is the process
 * id), has the runner create the instances and completes their jobs the
 * way the plan acquires them — the client's JobWorker (streaming when the client streams) or
 * activate-jobs requests — with handlers that do no work. Nothing is measured. It warms the
 * client's and the engine's code (and the JDK's HTTP, gRPC and JSON paths under them); the
 * harness's own strategy classes are not part of it.
 */
final class ClientWarmup {

  private static final int BATCH = 64;
  private static final Duration POLL = Duration.ofSeconds(1);
  /** How often the wait checks whether a command failed. */
  private static final Duration CHECK = Duration.ofMillis(200);

  private final CamundaClient client;
  private final ScenarioPlan plan;
  private final String id;
  private final int jobs;
  private final AtomicReference<Throwable> failure = new AtomicReference<>();
  private final CountDownLatch completed;

  ClientWarmup(CamundaClient client, ScenarioPlan plan, String id, int jobs) {
    this.client = client;
    this.plan = plan;
    this.id = id;
    this.jobs = jobs;
    this.completed = new CountDownLatch(jobs);
  }

  /** Creates the warm-up's instances, e.g. the runner's own concurrent creation. */
  @FunctionalInterface
  interface Creation {
    void createInstances() throws InterruptedException;
  }

  /**
   * Takes jobs, has {@code creation} create the instances, and waits until every job completed.
   *
   * @throws BenchmarkException when a command fails or the jobs do not complete within {@code
   *     limit}
   */
  void run(Duration limit, Creation creation) throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    try (AutoCloseable consumer =
        plan.acquisition() == AcquisitionKind.DIRECT ? activationLoop() : jobWorker()) {
      try {
        creation.createInstances();
      } catch (RuntimeException e) {
        throw failed("create its instances", e);
      }
      awaitCompleted(deadline, limit);
    } catch (InterruptedException | BenchmarkException e) {
      throw e;
    } catch (Exception e) {
      throw failed("stop taking its jobs", e);
    }
  }

  private void awaitCompleted(long deadline, Duration limit) throws InterruptedException {
    while (true) {
      checkNoFailure();
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new BenchmarkException(
            String.format(
                Locale.ROOT,
                "Expected %d warm-up jobs to complete within %.1f s, but %d did",
                jobs,
                limit.toNanos() / 1e9,
                jobs - completed.getCount()));
      }
      if (completed.await(Math.min(left, CHECK.toNanos()), TimeUnit.NANOSECONDS)) {
        checkNoFailure();
        return;
      }
    }
  }

  private void checkNoFailure() {
    Throwable error = failure.get();
    if (error != null) {
      throw failed("run its jobs", error);
    }
  }

  private void fail(Throwable error) {
    failure.compareAndSet(null, error);
  }

  private AutoCloseable jobWorker() {
    JobWorker worker =
        client
            .newWorker()
            .jobType(id)
            .handler(
                (jobClient, job) -> {
                  try {
                    jobClient.newCompleteCommand(job.getKey()).send().join();
                    completed.countDown();
                  } catch (RuntimeException e) {
                    fail(e);
                  }
                })
            .maxJobsActive(plan.maxJobsActive())
            .name("worker-bench-warmup")
            .open();
    return worker::close;
  }

  private AutoCloseable activationLoop() {
    Thread loop =
        Thread.ofPlatform()
            .name("wb-warmup-activation")
            .daemon(true)
            .start(
                () -> {
                  while (!Thread.currentThread().isInterrupted()
                      && completed.getCount() > 0
                      && failure.get() == null) {
                    List<ActivatedJob> batch;
                    try {
                      batch =
                          client
                              .newActivateJobsCommand()
                              .jobType(id)
                              .maxJobsToActivate(BATCH)
                              .workerName("worker-bench-warmup")
                              .requestTimeout(POLL)
                              .send()
                              .join()
                              .getJobs();
                    } catch (RuntimeException e) {
                      if (!Thread.currentThread().isInterrupted()) {
                        fail(e);
                      }
                      return;
                    }
                    for (ActivatedJob job : batch) {
                      client
                          .newCompleteCommand(job.getKey())
                          .send()
                          .whenComplete(
                              (ignored, error) -> {
                                if (error != null) {
                                  fail(error);
                                } else {
                                  completed.countDown();
                                }
                              });
                    }
                  }
                });
    return () -> {
      loop.interrupt();
      loop.join(Duration.ofSeconds(2));
    };
  }

  private static BenchmarkException failed(String action, Throwable cause) {
    return new BenchmarkException(
        "Expected the warm-up to " + action + ", but " + BenchmarkException.rootMessage(cause), cause);
  }
}
