package io.github.workerbench.generator;

import io.github.workerbench.model.scenario.Phase;
import io.github.workerbench.model.scenario.Scenario;
import io.github.workerbench.model.scenario.StrategyKind;
import io.github.workerbench.model.scenario.WorkloadKind;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Builds the scenario suites. The seed's phases (1–8, minimal, quick) are reproduced name for name
 * and value for value so results compare with the Python tool's; phases 9–14 add what only the Java
 * harness can measure.
 *
 * <p>Every field not named for a phase takes the seed's default: num_instances 20, work_duration
 * 1.0 s, max_concurrent_jobs 10, repeats 3, timeout 120 s, job_timeout_ms 30000, workload cpu.
 * Where a name is a pattern such as {@code workload_{async,thread}_{cpu,io}}, scenarios come in the
 * order of its expansion, the leftmost choice varying slowest.
 *
 * <h2>The fast suite</h2>
 *
 * The seed's head-to-head validation suite: each comparison runs once with {@code async} and once
 * with {@code thread}, side by side, one repeat each (18 scenarios). Choices, since the seed names
 * only the comparisons: every value not under test is the seed's default (n=20, d=1.0, c=10,
 * timeout 120), so each scenario reads against its full-suite counterpart; the concurrency pair
 * uses c=1 and c=20 and the load pair n=20 and n=50 at c=20 (phase 4's concurrency); the
 * interaction pair is io at c=50 with n=30 and timeout 180 (the corner of phase 6 where the two
 * models differ most); subprocess_threaded uses phase 8's timeout 180. Phases group the
 * comparisons: {@code fast_workload} (cpu, io, subprocess, subprocess_threaded), {@code
 * fast_concurrency}, {@code fast_load}, {@code fast_interaction}.
 *
 * <h2>The transport phase</h2>
 *
 * Runs the {@code thread} strategy: it is the seed's and the client's own model (the JobWorker
 * hands jobs to a platform-thread pool), so the only variable between the 9 scenarios is the
 * transport; with sleep work a pool of c threads never contends for CPU, so it does not mask
 * transport overhead, while {@code virtual} would add a JDK-dependent variable (pinning).
 *
 * <p>Stateless and thread-safe; every call returns new lists.
 */
public final class SuiteGenerator {

  static final int NUM_INSTANCES = 20;
  static final double WORK_DURATION = 1.0;
  static final int MAX_CONCURRENT_JOBS = 10;
  static final int REPEATS = 3;
  static final double TIMEOUT = 120;
  static final long JOB_TIMEOUT_MS = 30_000;

  static final List<StrategyKind> SEED_STRATEGIES =
      List.of(StrategyKind.ASYNC, StrategyKind.THREAD, StrategyKind.AUTO);
  static final List<StrategyKind> ASYNC_THREAD =
      List.of(StrategyKind.ASYNC, StrategyKind.THREAD);

  private SuiteGenerator() {}

  /** The scenarios of a suite, in run order. */
  public static List<Scenario> generate(Suite suite) {
    return switch (suite) {
      case MINIMAL -> minimal();
      case QUICK -> quick();
      case FAST -> fast();
      case FULL -> full();
      case EXTENDED -> extended();
    };
  }

  static List<Scenario> minimal() {
    List<Scenario> list = new ArrayList<>();
    for (StrategyKind strategy : SEED_STRATEGIES) {
      list.add(
          base("smoke_" + strategy.id(), Phase.SMOKE_TEST)
              .strategy(strategy)
              .numInstances(5)
              .workDuration(0.5)
              .maxConcurrentJobs(5)
              .repeats(1)
              .timeout(30)
              .description(
                  "Smoke test: 5 short CPU jobs with the "
                      + strategy.id()
                      + " strategy, to check the setup works")
              .build());
    }
    return list;
  }

  static List<Scenario> quick() {
    List<Scenario> list = new ArrayList<>(GuidePhases.baseline());
    list.addAll(
        cross(
            ASYNC_THREAD,
            List.of(1, 10, 50),
            (strategy, c) ->
                base("quick_conc_" + strategy.id() + "_" + c, Phase.QUICK_CONCURRENCY)
                    .strategy(strategy)
                    .maxConcurrentJobs(c)
                    .repeats(1)
                    .description(
                        "Quick concurrency check: "
                            + strategy.id()
                            + " with "
                            + c
                            + " concurrent CPU jobs")
                    .build()));
    for (WorkloadKind workload : List.of(WorkloadKind.CPU, WorkloadKind.IO)) {
      list.add(
          base("quick_workload_" + workload.id(), Phase.QUICK_WORKLOAD)
              .strategy(StrategyKind.ASYNC)
              .workloadType(workload)
              .numInstances(10)
              .repeats(1)
              .description("Quick workload check: async with the " + workload.id() + " workload")
              .build());
    }
    return list;
  }

  static List<Scenario> fast() {
    List<Scenario> list = new ArrayList<>();
    list.addAll(
        cross(
            List.of(
                WorkloadKind.CPU,
                WorkloadKind.IO,
                WorkloadKind.SUBPROCESS,
                WorkloadKind.SUBPROCESS_THREADED),
            ASYNC_THREAD,
            (workload, strategy) ->
                fastBase("fast_" + workload.id() + "_" + strategy.id(), Phase.FAST_WORKLOAD, strategy)
                    .workloadType(workload)
                    .timeout(workload == WorkloadKind.SUBPROCESS_THREADED ? 180 : TIMEOUT)
                    .description(
                        "Head to head: "
                            + strategy.id()
                            + " on the "
                            + workload.id()
                            + " workload (compare with the other strategy's run)")
                    .build()));
    list.addAll(
        cross(
            List.of(1, 20),
            ASYNC_THREAD,
            (c, strategy) ->
                fastBase("fast_conc" + c + "_" + strategy.id(), Phase.FAST_CONCURRENCY, strategy)
                    .maxConcurrentJobs(c)
                    .description(
                        "Head to head: " + strategy.id() + " at concurrency " + c + " on CPU work")
                    .build()));
    list.addAll(
        cross(
            List.of(20, 50),
            ASYNC_THREAD,
            (n, strategy) ->
                fastBase("fast_load" + n + "_" + strategy.id(), Phase.FAST_LOAD, strategy)
                    .numInstances(n)
                    .maxConcurrentJobs(20)
                    .description(
                        "Head to head: "
                            + strategy.id()
                            + " with a load of "
                            + n
                            + " CPU jobs at concurrency 20")
                    .build()));
    for (StrategyKind strategy : ASYNC_THREAD) {
      list.add(
          fastBase("fast_interaction_io_c50_" + strategy.id(), Phase.FAST_INTERACTION, strategy)
              .workloadType(WorkloadKind.IO)
              .numInstances(30)
              .maxConcurrentJobs(50)
              .timeout(180)
              .description(
                  "Head to head: "
                      + strategy.id()
                      + " on io work at high concurrency (50), the workload x concurrency"
                      + " interaction")
              .build());
    }
    return list;
  }

  static List<Scenario> full() {
    List<Scenario> list = new ArrayList<>();
    list.addAll(GuidePhases.baseline());
    list.addAll(GuidePhases.workloadTypes());
    list.addAll(GuidePhases.concurrencyScaling());
    list.addAll(GuidePhases.loadScaling());
    list.addAll(GuidePhases.workDuration());
    list.addAll(GuidePhases.interactions());
    list.addAll(GuidePhases.edgeCases());
    list.addAll(GuidePhases.subprocessThreading());
    return list;
  }

  static List<Scenario> extended() {
    List<Scenario> list = new ArrayList<>(full());
    list.addAll(JavaPhases.javaStrategies());
    list.addAll(JavaPhases.transport());
    list.addAll(JavaPhases.acquisition());
    list.addAll(JavaPhases.clusterLatency());
    list.addAll(JavaPhases.throughput());
    list.addAll(JavaPhases.httpDownstream());
    return list;
  }

  /**
   * One scenario per pair of choices, the first list varying slowest: the expansion order of a
   * name pattern such as {@code workload_{async,thread}_{cpu,io}}.
   */
  static <A, B> List<Scenario> cross(
      List<A> first, List<B> second, BiFunction<A, B, Scenario> scenario) {
    List<Scenario> list = new ArrayList<>(first.size() * second.size());
    for (A a : first) {
      for (B b : second) {
        list.add(scenario.apply(a, b));
      }
    }
    return list;
  }

  private static Scenario.Builder fastBase(String name, Phase phase, StrategyKind strategy) {
    return base(name, phase).strategy(strategy).repeats(1);
  }

  static Scenario.Builder base(String name, Phase phase) {
    return Scenario.builder()
        .name(name)
        .phase(phase)
        .numInstances(NUM_INSTANCES)
        .strategy(StrategyKind.AUTO)
        .workloadType(WorkloadKind.CPU)
        .workDuration(WORK_DURATION)
        .maxConcurrentJobs(MAX_CONCURRENT_JOBS)
        .repeats(REPEATS)
        .timeout(TIMEOUT)
        .jobTimeoutMs(JOB_TIMEOUT_MS);
  }
}
