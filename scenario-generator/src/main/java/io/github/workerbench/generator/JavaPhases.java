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
 * the acquisition modes (11), a cluster's latency (12), the throughput ceilings (13) and
 * downstream calls (14), which only the Java harness can measure. See {@link SuiteGenerator}
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
            WorkloadKind.SUBPROCESS_THREADED,
            WorkloadKind.HTTP),
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

  /** The latencies of {@link Phase#CLUSTER_LATENCY}, in milliseconds: same JVM to a far region. */
  static final List<Long> CLUSTER_LATENCIES_MS = List.of(0L, 5L, 25L, 100L);

  /**
   * 12: the three acquisitions of phase 11 (the JobWorker at max_jobs_active = c and 2c, direct
   * activation) over REST and gRPC streaming, against the embedded engine answering 0, 5, 25 and
   * 100 ms later (a cluster in the same rack to one a region away): how much of each round trip
   * each acquisition hides. Sleep work, thread strategy (as phase 10, so only acquisition,
   * transport and latency vary).
   */
  static List<Scenario> clusterLatency() {
    List<Scenario> list = new ArrayList<>();
    record Acquisition(String id, AcquisitionKind kind, int factor) {}
    int c = 20;
    List<Acquisition> acquisitions =
        List.of(
            new Acquisition("jobworker_x1", AcquisitionKind.JOB_WORKER, 1),
            new Acquisition("jobworker_x2", AcquisitionKind.JOB_WORKER, 2),
            new Acquisition("direct", AcquisitionKind.DIRECT, 1));
    for (Acquisition acquisition : acquisitions) {
      for (TransportKind transport : List.of(TransportKind.REST, TransportKind.GRPC_STREAM)) {
        for (long latency : CLUSTER_LATENCIES_MS) {
          Scenario.Builder builder =
              SuiteGenerator.base(
                      "latency_" + acquisition.id() + "_" + transport.id() + "_" + latency + "ms",
                      Phase.CLUSTER_LATENCY)
                  .strategy(StrategyKind.THREAD)
                  .workloadType(WorkloadKind.SLEEP)
                  .numInstances(200)
                  .maxConcurrentJobs(c)
                  .workDuration(0.5)
                  .acquisition(acquisition.kind())
                  .transport(transport)
                  .engineLatencyMs(latency)
                  .description(
                      "Cluster latency: "
                          + acquisition.id().replace('_', ' ')
                          + " over "
                          + transport.id()
                          + " with the engine "
                          + latency
                          + " ms away");
          if (acquisition.kind() == AcquisitionKind.JOB_WORKER) {
            builder.maxJobsActive(acquisition.factor() * c);
          }
          list.add(builder.build());
        }
      }
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

  /** The concurrencies of {@link Phase#HTTP_DOWNSTREAM}. */
  static final List<Integer> HTTP_CONCURRENCY = List.of(10, 100, 1000);

  /**
   * 14: every strategy calling the downstream HTTP service at c = 10, 100 and 1000, three waves of
   * 0.2 s calls each (n = 3c, ideal 0.6 s), with direct activation so the JobWorker's refill
   * threshold does not set the result: where thread pools, virtual threads and the event loop
   * differ most in threads and memory. The process strategy runs at most 2 × cores children, so its
   * timeout allows n × d / 4 twice over (4 children on 2 cores).
   */
  static List<Scenario> httpDownstream() {
    double d = 0.2;
    return SuiteGenerator.cross(
        List.of(
            StrategyKind.ASYNC,
            StrategyKind.THREAD,
            StrategyKind.VIRTUAL,
            StrategyKind.PROCESS,
            StrategyKind.AUTO),
        HTTP_CONCURRENCY,
        (strategy, c) -> {
          int n = 3 * c;
          double timeout =
              strategy == StrategyKind.PROCESS
                  ? Math.max(SuiteGenerator.TIMEOUT, 60 + 2 * n * d / 4)
                  : SuiteGenerator.TIMEOUT;
          return SuiteGenerator.base("http_" + strategy.id() + "_c" + c, Phase.HTTP_DOWNSTREAM)
              .strategy(strategy)
              .workloadType(WorkloadKind.HTTP)
              .numInstances(n)
              .maxConcurrentJobs(c)
              .workDuration(d)
              .acquisition(AcquisitionKind.DIRECT)
              .timeout(timeout)
              .jobTimeoutMs(60_000)
              .description(
                  "Downstream calls: "
                      + strategy.id()
                      + " with "
                      + c
                      + " HTTP calls of 0.2 s in flight, through one shared client")
              .build();
        });
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
