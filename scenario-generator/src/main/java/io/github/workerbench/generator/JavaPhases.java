package io.github.workerbench.generator;

import io.github.workerbench.model.scenario.AcquisitionKind;
import io.github.workerbench.model.scenario.Phase;
import io.github.workerbench.model.scenario.Scenario;
import io.github.workerbench.model.scenario.StrategyKind;
import io.github.workerbench.model.scenario.TransportKind;
import io.github.workerbench.model.scenario.WorkloadKind;
import java.util.ArrayList;
import java.util.List;

/**
 * The extended suite's phases beyond the guide's: the Java strategies (9), the transports (10) and
 * the acquisition modes (11), which only the Java harness can measure. See {@link SuiteGenerator}
 * for why the transport phase runs {@code thread}. Stateless.
 */
final class JavaPhases {

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
