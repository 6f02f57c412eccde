package io.github.workerbench.generator;

import io.github.workerbench.core.scenario.AcquisitionKind;
import io.github.workerbench.core.scenario.Scenario;
import io.github.workerbench.core.scenario.StrategyKind;
import io.github.workerbench.core.scenario.TransportKind;
import io.github.workerbench.core.scenario.WorkloadKind;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Builds the scenario suites. The seed's phases (1–8, minimal, quick) are reproduced name for name
 * and value for value so results compare with the Python tool's; phases 9–11 add what only the Java
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

  private static final List<StrategyKind> SEED_STRATEGIES =
      List.of(StrategyKind.ASYNC, StrategyKind.THREAD, StrategyKind.AUTO);
  private static final List<StrategyKind> ASYNC_THREAD =
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
          base("smoke_" + strategy.id(), "smoke_test")
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
    List<Scenario> list = new ArrayList<>(phase1Baseline());
    list.addAll(
        cross(
            ASYNC_THREAD,
            List.of(1, 10, 50),
            (strategy, c) ->
                base("quick_conc_" + strategy.id() + "_" + c, "quick_concurrency")
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
          base("quick_workload_" + workload.id(), "quick_workload")
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
                fastBase("fast_" + workload.id() + "_" + strategy.id(), "fast_workload", strategy)
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
                fastBase("fast_conc" + c + "_" + strategy.id(), "fast_concurrency", strategy)
                    .maxConcurrentJobs(c)
                    .description(
                        "Head to head: " + strategy.id() + " at concurrency " + c + " on CPU work")
                    .build()));
    list.addAll(
        cross(
            List.of(20, 50),
            ASYNC_THREAD,
            (n, strategy) ->
                fastBase("fast_load" + n + "_" + strategy.id(), "fast_load", strategy)
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
          fastBase("fast_interaction_io_c50_" + strategy.id(), "fast_interaction", strategy)
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
    list.addAll(phase1Baseline());
    list.addAll(phase2WorkloadTypes());
    list.addAll(phase3ConcurrencyScaling());
    list.addAll(phase4LoadScaling());
    list.addAll(phase5WorkDuration());
    list.addAll(phase6Interactions());
    list.addAll(phase7EdgeCases());
    list.addAll(phase8SubprocessThreading());
    return list;
  }

  static List<Scenario> extended() {
    List<Scenario> list = new ArrayList<>(full());
    list.addAll(phase9JavaStrategies());
    list.addAll(phase10Transport());
    list.addAll(phase11Acquisition());
    return list;
  }

  static List<Scenario> phase1Baseline() {
    List<Scenario> list = new ArrayList<>();
    for (StrategyKind strategy : SEED_STRATEGIES) {
      list.add(
          base("baseline_" + strategy.id(), "1_baseline")
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

  static List<Scenario> phase2WorkloadTypes() {
    return cross(
        ASYNC_THREAD,
        List.of(WorkloadKind.CPU, WorkloadKind.IO, WorkloadKind.SUBPROCESS),
        (strategy, workload) ->
            base("workload_" + strategy.id() + "_" + workload.id(), "2_workload_types")
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

  static List<Scenario> phase3ConcurrencyScaling() {
    return cross(
        SEED_STRATEGIES,
        List.of(1, 5, 10, 20, 50),
        (strategy, c) ->
            base("concurrency_" + strategy.id() + "_" + c, "3_concurrency_scaling")
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

  static List<Scenario> phase4LoadScaling() {
    return cross(
        SEED_STRATEGIES,
        List.of(10, 20, 50, 100, 200),
        (strategy, n) ->
            base("load_" + strategy.id() + "_" + n, "4_load_scaling")
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

  static List<Scenario> phase5WorkDuration() {
    return cross(
        ASYNC_THREAD,
        List.of(0.1, 0.5, 1.0, 2.0, 5.0),
        (strategy, d) ->
            base("duration_" + strategy.id() + "_" + d + "s", "5_work_duration")
                .strategy(strategy)
                .workDuration(d)
                .timeout(Math.max(120, 30 * d))
                .description(
                    "Work duration: " + strategy.id() + " with " + d + " s of CPU work per job")
                .build());
  }

  static List<Scenario> phase6Interactions() {
    List<Scenario> list = new ArrayList<>();
    for (StrategyKind strategy : ASYNC_THREAD) {
      list.addAll(
          cross(
              List.of(WorkloadKind.CPU, WorkloadKind.IO),
              List.of(1, 10, 50),
              (workload, c) ->
                  base(
                          "interaction_" + strategy.id() + "_" + workload.id() + "_c" + c,
                          "6_interactions")
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

  static List<Scenario> phase7EdgeCases() {
    String phase = "7_edge_cases";
    return List.of(
        base("edge_single_job", phase)
            .numInstances(1)
            .strategy(StrategyKind.ASYNC)
            .maxConcurrentJobs(1)
            .description("Edge case: a single job, the fixed overhead of one round trip")
            .build(),
        base("edge_massive_load", phase)
            .numInstances(500)
            .strategy(StrategyKind.AUTO)
            .workDuration(0.5)
            .maxConcurrentJobs(50)
            .repeats(1)
            .timeout(300)
            .description("Edge case: massive load, 500 jobs at concurrency 50")
            .build(),
        base("edge_bottleneck", phase)
            .numInstances(100)
            .strategy(StrategyKind.THREAD)
            .maxConcurrentJobs(2)
            .timeout(360)
            .description("Edge case: bottleneck, 100 jobs through only 2 concurrent slots")
            .build(),
        base("edge_long_duration", phase)
            .numInstances(10)
            .strategy(StrategyKind.ASYNC)
            .workloadType(WorkloadKind.IO)
            .workDuration(10.0)
            .maxConcurrentJobs(5)
            .timeout(240)
            .description("Edge case: long-running io jobs (10 s each)")
            .build(),
        base("edge_subprocess_stress", phase)
            .numInstances(50)
            .strategy(StrategyKind.THREAD)
            .workloadType(WorkloadKind.SUBPROCESS)
            .workDuration(2.0)
            .maxConcurrentJobs(20)
            .timeout(180)
            .description("Edge case: subprocess stress, 50 external commands 20 at a time")
            .build(),
        base("edge_high_concurrency_async", phase)
            .numInstances(100)
            .strategy(StrategyKind.ASYNC)
            .workDuration(0.5)
            .maxConcurrentJobs(100)
            .timeout(180)
            .description("Edge case: async at concurrency 100 with CPU work")
            .build());
  }

  static List<Scenario> phase8SubprocessThreading() {
    return cross(
        ASYNC_THREAD,
        List.of(5, 20),
        (strategy, c) ->
            base("subprocess_threaded_" + strategy.id() + "_c" + c, "8_subprocess_threading")
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

  static List<Scenario> phase9JavaStrategies() {
    return cross(
        List.of(StrategyKind.VIRTUAL, StrategyKind.PROCESS, StrategyKind.THREAD, StrategyKind.ASYNC),
        List.of(
            WorkloadKind.CPU,
            WorkloadKind.IO,
            WorkloadKind.SUBPROCESS,
            WorkloadKind.SUBPROCESS_THREADED),
        (strategy, workload) ->
            base("java_" + strategy.id() + "_" + workload.id(), "9_java_strategies")
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

  static List<Scenario> phase10Transport() {
    return cross(
        List.of(TransportKind.values()),
        List.of(10, 50, 100),
        (transport, c) ->
            base("transport_" + transport.id() + "_c" + c, "10_transport")
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

  static List<Scenario> phase11Acquisition() {
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
   * One scenario per pair of choices, the first list varying slowest: the expansion order of a
   * name pattern such as {@code workload_{async,thread}_{cpu,io}}.
   */
  private static <A, B> List<Scenario> cross(
      List<A> first, List<B> second, BiFunction<A, B, Scenario> scenario) {
    List<Scenario> list = new ArrayList<>(first.size() * second.size());
    for (A a : first) {
      for (B b : second) {
        list.add(scenario.apply(a, b));
      }
    }
    return list;
  }

  private static Scenario.Builder acquisitionBase(String name, StrategyKind strategy) {
    return base(name, "11_acquisition")
        .strategy(strategy)
        .workloadType(WorkloadKind.SLEEP)
        .numInstances(200)
        .maxConcurrentJobs(20)
        .workDuration(0.5)
        .jitterPct(0.25);
  }

  private static Scenario.Builder fastBase(String name, String phase, StrategyKind strategy) {
    return base(name, phase).strategy(strategy).repeats(1);
  }

  private static Scenario.Builder base(String name, String phase) {
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
