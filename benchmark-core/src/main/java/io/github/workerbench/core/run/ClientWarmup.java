package io.github.workerbench.core.run;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobWorker;
import io.github.workerbench.core.scenario.AcquisitionKind;
import io.github.workerbench.core.scenario.ScenarioPlan;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One warm-up: deploys a process of its own, creates the instances, and completes their jobs the
 * way the plan acquires them — the client's JobWorker (streaming when the client streams) or
 * activate-jobs requests — with handlers that do no work. Nothing is measured.
 */
final class ClientWarmup {

  private static final int IN_FLIGHT = 32;
  private static final Duration POLL = Duration.ofSeconds(1);
  private static final int BATCH = 64;

  private final CamundaClient client;
  private final ScenarioPlan plan;
  private final String id;
  private final int jobs;

  ClientWarmup(CamundaClient client, ScenarioPlan plan, String id, int jobs) {
    this.client = client;
    this.plan = plan;
    this.id = id;
    this.jobs = jobs;
  }

  /**
   * Runs the warm-up; returns whether every job completed within {@code limit}.
   *
   * @throws RuntimeException when the engine refuses a command
   */
  boolean run(Duration limit) throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    client
        .newDeployResourceCommand()
        .addProcessModel(ServiceTaskProcess.model(id, id), id + ".bpmn")
        .send()
        .join(ScenarioRunner.ENGINE_REACH_SECONDS, TimeUnit.SECONDS);
    CountDownLatch completed = new CountDownLatch(jobs);
    AtomicReference<Throwable> failure = new AtomicReference<>();
    try (AutoCloseable consumer =
        plan.acquisition() == AcquisitionKind.DIRECT
            ? activationLoop(completed, failure)
            : jobWorker(completed)) {
      create(failure);
      if (failure.get() != null) {
        throw new IllegalStateException(failure.get().getMessage(), failure.get());
      }
      return completed.await(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (InterruptedException | RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  private void create(AtomicReference<Throwable> failure) throws InterruptedException {
    Semaphore permits = new Semaphore(IN_FLIGHT);
    for (int i = 0; i < jobs && failure.get() == null; i++) {
      permits.acquire();
      client
          .newCreateInstanceCommand()
          .bpmnProcessId(id)
          .latestVersion()
          .send()
          .whenComplete(
              (instance, error) -> {
                permits.release();
                if (error != null) {
                  failure.compareAndSet(null, error);
                }
              });
    }
    permits.acquire(IN_FLIGHT);
  }

  private AutoCloseable jobWorker(CountDownLatch completed) {
    JobWorker worker =
        client
            .newWorker()
            .jobType(id)
            .handler(
                (jobClient, job) -> {
                  jobClient.newCompleteCommand(job.getKey()).send().join();
                  completed.countDown();
                })
            .maxJobsActive(plan.maxJobsActive())
            .name("worker-bench-warmup")
            .open();
    return worker::close;
  }

  private AutoCloseable activationLoop(
      CountDownLatch completed, AtomicReference<Throwable> failure) {
    Thread loop =
        Thread.ofPlatform()
            .name("wb-warmup-activation")
            .daemon(true)
            .start(
                () -> {
                  while (!Thread.currentThread().isInterrupted() && completed.getCount() > 0) {
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
                      failure.compareAndSet(null, e);
                      return;
                    }
                    for (ActivatedJob job : batch) {
                      client
                          .newCompleteCommand(job.getKey())
                          .send()
                          .whenComplete((ignored, error) -> completed.countDown());
                    }
                  }
                });
    return () -> {
      loop.interrupt();
      loop.join(Duration.ofSeconds(2));
    };
  }
}
