package io.github.workerbench.generator;

import io.github.workerbench.model.scenario.Phase;
import io.github.workerbench.model.scenario.Scenario;
import io.github.workerbench.model.scenario.StrategyKind;
import io.github.workerbench.model.scenario.WorkloadKind;
import java.util.ArrayList;
import java.util.List;

/**
 * The guide's eight phases (the full suite), scenario for scenario as the seed generates them;
 * every field a phase does not name takes {@link SuiteGenerator}'s seed defaults. Stateless.
 */
final class GuidePhases {

  private GuidePhases() {}

  static List<Scenario> baseline() {
    List<Scenario> list = new ArrayList<>();
    for (StrategyKind strategy : SuiteGenerator.SEED_STRATEGIES) {
      list.add(
          SuiteGenerator.base("baseline_" + strategy.id(), Phase.BASELINE)
              .strategy(strategy)
              .numInstances(10)
              .description(
                  "Baseline: "
                      + strategy.id()
                      + " strategy with the standard CPU workload (10 jobs, 1 s each)")
              .build());
    }
    return list;
  }

  static List<Scenario> workloadTypes() {
    return SuiteGenerator.cross(
        SuiteGenerator.ASYNC_THREAD,
        List.of(WorkloadKind.CPU, WorkloadKind.IO, WorkloadKind.SUBPROCESS),
        (strategy, workload) ->
            SuiteGenerator.base("workload_" + strategy.id() + "_" + workload.id(), Phase.WORKLOAD_TYPES)
                .strategy(strategy)
                .workloadType(workload)
                .workDuration(2.0)
                .description(
                    "Workload type: how "
                        + strategy.id()
                        + " handles "
                        + workload.id()
                        + " work (2 s per job)")
                .build());
  }

  static List<Scenario> concurrencyScaling() {
    return SuiteGenerator.cross(
        SuiteGenerator.SEED_STRATEGIES,
        List.of(1, 5, 10, 20, 50),
        (strategy, c) ->
            SuiteGenerator.base("concurrency_" + strategy.id() + "_" + c, Phase.CONCURRENCY_SCALING)
                .strategy(strategy)
                .numInstances(50)
                .maxConcurrentJobs(c)
                .timeout(180)
                .description(
                    "Concurrency scaling: "
                        + strategy.id()
                        + " with max "
                        + c
                        + " concurrent jobs (50 CPU jobs)")
                .build());
  }

  static List<Scenario> loadScaling() {
    return SuiteGenerator.cross(
        SuiteGenerator.SEED_STRATEGIES,
        List.of(10, 20, 50, 100, 200),
        (strategy, n) ->
            SuiteGenerator.base("load_" + strategy.id() + "_" + n, Phase.LOAD_SCALING)
                .strategy(strategy)
                .numInstances(n)
                .maxConcurrentJobs(20)
                .timeout(n <= 50 ? 120 : 240)
                .description(
                    "Load scaling: "
                        + strategy.id()
                        + " with "
                        + n
                        + " process instances (concurrency 20), to find the breaking point")
                .build());
  }

  static List<Scenario> workDuration() {
    return SuiteGenerator.cross(
        SuiteGenerator.ASYNC_THREAD,
        List.of(0.1, 0.5, 1.0, 2.0, 5.0),
        (strategy, d) ->
            SuiteGenerator.base("duration_" + strategy.id() + "_" + d + "s", Phase.WORK_DURATION)
                .strategy(strategy)
                .workDuration(d)
                .timeout(Math.max(120, 30 * d))
                .description(
                    "Work duration: " + strategy.id() + " with " + d + " s of CPU work per job")
                .build());
  }

  static List<Scenario> interactions() {
    List<Scenario> list = new ArrayList<>();
    for (StrategyKind strategy : SuiteGenerator.ASYNC_THREAD) {
      list.addAll(
          SuiteGenerator.cross(
              List.of(WorkloadKind.CPU, WorkloadKind.IO),
              List.of(1, 10, 50),
              (workload, c) ->
                  SuiteGenerator.base(
                          "interaction_" + strategy.id() + "_" + workload.id() + "_c" + c,
                          Phase.INTERACTIONS)
                      .strategy(strategy)
                      .workloadType(workload)
                      .numInstances(30)
                      .maxConcurrentJobs(c)
                      .timeout(180)
                      .description(
                          "Interaction: "
                              + strategy.id()
                              + " x "
                              + workload.id()
                              + " x concurrency "
                              + c)
                      .build()));
    }
    return list;
  }

  static List<Scenario> edgeCases() {
    Phase phase = Phase.EDGE_CASES;
    return List.of(
        SuiteGenerator.base("edge_single_job", phase)
            .numInstances(1)
            .strategy(StrategyKind.ASYNC)
            .maxConcurrentJobs(1)
            .description("Edge case: a single job, the fixed overhead of one round trip")
            .build(),
        SuiteGenerator.base(Phase.MASSIVE_LOAD_SCENARIO, phase)
            .numInstances(500)
            .strategy(StrategyKind.AUTO)
            .workDuration(0.5)
            .maxConcurrentJobs(50)
            .repeats(1)
            .timeout(300)
            .description("Edge case: massive load, 500 jobs at concurrency 50")
            .build(),
        SuiteGenerator.base("edge_bottleneck", phase)
            .numInstances(100)
            .strategy(StrategyKind.THREAD)
            .maxConcurrentJobs(2)
            .timeout(360)
            .description("Edge case: bottleneck, 100 jobs through only 2 concurrent slots")
            .build(),
        SuiteGenerator.base("edge_long_duration", phase)
            .numInstances(10)
            .strategy(StrategyKind.ASYNC)
            .workloadType(WorkloadKind.IO)
            .workDuration(10.0)
            .maxConcurrentJobs(5)
            .timeout(240)
            .description("Edge case: long-running io jobs (10 s each)")
            .build(),
        SuiteGenerator.base("edge_subprocess_stress", phase)
            .numInstances(50)
            .strategy(StrategyKind.THREAD)
            .workloadType(WorkloadKind.SUBPROCESS)
            .workDuration(2.0)
            .maxConcurrentJobs(20)
            .timeout(180)
            .description("Edge case: subprocess stress, 50 external commands 20 at a time")
            .build(),
        SuiteGenerator.base("edge_high_concurrency_async", phase)
            .numInstances(100)
            .strategy(StrategyKind.ASYNC)
            .workDuration(0.5)
            .maxConcurrentJobs(100)
            .timeout(180)
            .description("Edge case: async at concurrency 100 with CPU work")
            .build());
  }

  static List<Scenario> subprocessThreading() {
    return SuiteGenerator.cross(
        SuiteGenerator.ASYNC_THREAD,
        List.of(5, 20),
        (strategy, c) ->
            SuiteGenerator.base("subprocess_threaded_" + strategy.id() + "_c" + c, Phase.SUBPROCESS_THREADING)
                .strategy(strategy)
                .workloadType(WorkloadKind.SUBPROCESS_THREADED)
                .maxConcurrentJobs(c)
                .timeout(180)
                .description(
                    "Subprocess threading: "
                        + strategy.id()
                        + " at concurrency "
                        + c
                        + " with a threaded child process (fork safety)")
                .build());
  }
}
