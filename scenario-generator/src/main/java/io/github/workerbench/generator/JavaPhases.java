package io.github.workerbench.generator;

import io.github.workerbench.model.scenario.AcquisitionKind;
import io.github.workerbench.model.scenario.Phase;
import io.github.workerbench.model.scenario.Scenario;
import io.github.workerbench.model.scenario.StrategyKind;
import io.github.workerbench.model.scenario.TransportKind;
import io.github.workerbench.model.scenario.WorkloadKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The extended suite's phases beyond the guide's: the Java strategies (9), the transports (10),
 * the acquisition modes (11) and the throughput ceilings (13), which only the Java harness can
 * measure. See {@link SuiteGenerator}
 * for why the transport phase runs {@code thread}. Stateless.
 */
final class JavaPhases {

  /** Phase 13's repeats are this many waves of c jobs. */
  static final int THROUGHPUT_WAVES = 20;

  private JavaPhases() {}

  static List<Scenario> javaStrategies() {
    return SuiteGenerator.cross(
        List.of(StrategyKind.VIRTUAL, StrategyKind.PROCESS, StrategyKind.THREAD, StrategyKind.ASYNC),
        List.of(
            WorkloadKind.CPU,
            WorkloadKind.IO,
            WorkloadKind.SUBPROCESS,
            WorkloadKind.SUBPROCESS_THREADED),
        (strategy, workload) ->
            SuiteGenerator.base("java_" + strategy.id() + "_" + workload.id(), Phase.JAVA_STRATEGIES)
                .strategy(strategy)
                .workloadType(workload)
                .numInstances(40)
                .workDuration(0.5)
                .maxConcurrentJobs(10)
                .description(
                    "Java strategies: "
                        + strategy.id()
                        + " on "
                        + workload.id()
                        + " work, against the other Java execution models")
                .build());
  }

  static List<Scenario> transport() {
    return SuiteGenerator.cross(
        List.of(TransportKind.values()),
        List.of(10, 50, 100),
        (transport, c) ->
            SuiteGenerator.base("transport_" + transport.id() + "_c" + c, Phase.TRANSPORT)
                .strategy(StrategyKind.THREAD)
                .workloadType(WorkloadKind.SLEEP)
                .numInstances(500)
                .workDuration(0.05)
                .maxConcurrentJobs(c)
                .transport(transport)
                .description(
                    "Transport: "
                        + transport.id()
                        + " at concurrency "
                        + c
                        + ", 500 short sleep jobs, so the transport's overhead dominates")
                .build());
  }

  static List<Scenario> acquisition() {
    List<Scenario> list = new ArrayList<>();
    int c = 20;
    for (int factor : new int[] {1, 2, 4}) {
      list.add(
          acquisitionBase("acquisition_job-worker_x" + factor, StrategyKind.THREAD)
              .acquisition(AcquisitionKind.JOB_WORKER)
              .maxJobsActive(factor * c)
              .description(
                  "Acquisition: the client's JobWorker with max_jobs_active = "
                      + factor
                      + " x concurrency ("
                      + factor * c
                      + "), "
                      + (factor == 1
                          ? "so no activated job waits for a free slot"
                          : "so up to "
                              + (factor - 1) * c
                              + " activated jobs wait for a free slot"))
              .build());
    }
    for (StrategyKind strategy :
        List.of(StrategyKind.THREAD, StrategyKind.VIRTUAL, StrategyKind.ASYNC)) {
      list.add(
          acquisitionBase("acquisition_direct_" + strategy.id(), strategy)
              .acquisition(AcquisitionKind.DIRECT)
              .description(
                  "Acquisition: direct activation of exactly the free capacity, "
                      + strategy.id()
                      + " strategy")
              .build());
    }
    return list;
  }

  /**
   * Phase 13: sleeps of 10, 50 and 100 ms at concurrency 100 and 1,000 for virtual, thread and
   * async, activated directly over a gRPC stream's client: ideal rates of 1,000 to 100,000 jobs per
   * second, so the figures show where each strategy (with the harness and the engine on the same
   * machine) stops keeping up. Twenty waves per repeat (n = 20 × c); by strategy, then
   * concurrency, then ever shorter work.
   */
  static List<Scenario> throughput() {
    List<Scenario> list = new ArrayList<>();
    for (StrategyKind strategy :
        List.of(StrategyKind.VIRTUAL, StrategyKind.THREAD, StrategyKind.ASYNC)) {
      for (int c : new int[] {100, 1_000}) {
        for (int millis : new int[] {100, 50, 10}) {
          double d = millis / 1000.0;
          list.add(
              SuiteGenerator.base(
                      "throughput_" + strategy.id() + "_c" + c + "_d" + millis + "ms",
                      Phase.THROUGHPUT)
                  .strategy(strategy)
                  .workloadType(WorkloadKind.SLEEP)
                  .numInstances(THROUGHPUT_WAVES * c)
                  .workDuration(d)
                  .maxConcurrentJobs(c)
                  .acquisition(AcquisitionKind.DIRECT)
                  .transport(TransportKind.GRPC_STREAM)
                  .description(
                      "Throughput: "
                          + strategy.id()
                          + " at concurrency "
                          + c
                          + " with "
                          + millis
                          + " ms sleeps, "
                          + String.format(Locale.ROOT, "%,d", Math.round(c / d))
                          + " jobs/s at the ideal")
                  .build());
        }
      }
    }
    return list;
  }

  private static Scenario.Builder acquisitionBase(String name, StrategyKind strategy) {
    return SuiteGenerator.base(name, Phase.ACQUISITION)
        .strategy(strategy)
        .workloadType(WorkloadKind.SLEEP)
        .numInstances(200)
        .maxConcurrentJobs(20)
        .workDuration(0.5)
        .jitterPct(0.25);
  }
}
