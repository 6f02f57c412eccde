package io.github.workerbench.model.scenario;

import java.util.Optional;

/**
 * The phases of the generated suites, by the id scenarios carry in their {@code phase} field: the
 * guide's eight numbered phases, this project's own (9 to 14), and the smaller suites' own. The
 * generator writes these ids and the reports look them up through these constants, so renaming a
 * phase renames it for both. A scenario file may use any other id too (a custom phase); {@link
 * Scenario#phase()} is therefore text, and {@link #of} tells a known phase from a custom one.
 */
public enum Phase {
  /** The minimal suite's three smoke scenarios. */
  SMOKE_TEST("smoke_test"),
  /** The quick suite's concurrency sweep. */
  QUICK_CONCURRENCY("quick_concurrency"),
  /** The quick suite's two workloads. */
  QUICK_WORKLOAD("quick_workload"),
  /** The fast suite's workload pairs. */
  FAST_WORKLOAD("fast_workload"),
  /** The fast suite's concurrency pairs. */
  FAST_CONCURRENCY("fast_concurrency"),
  /** The fast suite's load pairs. */
  FAST_LOAD("fast_load"),
  /** The fast suite's workload × concurrency pair. */
  FAST_INTERACTION("fast_interaction"),
  /** 1: each seed strategy on the standard cpu work. */
  BASELINE("1_baseline"),
  /** 2: async and thread on cpu, io and subprocess work. */
  WORKLOAD_TYPES("2_workload_types"),
  /** 3: a concurrency sweep per seed strategy. */
  CONCURRENCY_SCALING("3_concurrency_scaling"),
  /** 4: a load sweep per seed strategy. */
  LOAD_SCALING("4_load_scaling"),
  /** 5: a work-duration sweep. */
  WORK_DURATION("5_work_duration"),
  /** 6: strategy × workload × concurrency. */
  INTERACTIONS("6_interactions"),
  /** 7: single job, massive load, bottleneck, long jobs, subprocess stress. */
  EDGE_CASES("7_edge_cases"),
  /** 8: a child process whose threads contend for a lock. */
  SUBPROCESS_THREADING("8_subprocess_threading"),
  /** 9: the Java strategies on every workload. */
  JAVA_STRATEGIES("9_java_strategies"),
  /** 10: the transports. */
  TRANSPORT("10_transport"),
  /** 11: the client's JobWorker against direct activation. */
  ACQUISITION("11_acquisition"),
  /** 12: acquisition and transport against a cluster 0 to 100 ms away (the embedded engine's latency). */
  CLUSTER_LATENCY("12_cluster_latency"),
  /** 13: short jobs at high concurrency, where each strategy's ceiling on the machine lies. */
  THROUGHPUT("13_throughput"),
  /** 14: every strategy calling a downstream HTTP service, at concurrency 10 to 1000. */
  HTTP_DOWNSTREAM("14_http_downstream");

  /** The scenario of {@link #EDGE_CASES} that the key question on extreme load reads first. */
  public static final String MASSIVE_LOAD_SCENARIO = "edge_massive_load";

  private final String id;

  Phase(String id) {
    this.id = id;
  }

  /** The id scenarios carry, e.g. {@code 3_concurrency_scaling}. */
  public String id() {
    return id;
  }

  /** The phase with this id, or empty for a custom phase. */
  public static Optional<Phase> of(String id) {
    for (Phase phase : values()) {
      if (phase.id.equals(id)) {
        return Optional.of(phase);
      }
    }
    return Optional.empty();
  }
}
