package io.github.workerbench.model.result;

import io.github.workerbench.model.scenario.Scenario;
import io.github.workerbench.model.scenario.ScenarioPlan;
import io.github.workerbench.model.scenario.StrategyKind;
import io.github.workerbench.model.scenario.WorkloadKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Scenarios and results with known figures, for tests. */
public final class ScenarioResults {

  private ScenarioResults() {}

  /** A small cpu scenario of this name and phase. */
  public static Scenario scenario(String name, String phase) {
    return Scenario.builder()
        .name(name)
        .numInstances(4)
        .strategy(StrategyKind.THREAD)
        .workloadType(WorkloadKind.CPU)
        .workDuration(0.5)
        .maxConcurrentJobs(2)
        .repeats(2)
        .timeout(30)
        .jobTimeoutMs(30_000)
        .description("test scenario " + name)
        .phase(phase)
        .build();
  }

  /** A result of the plan with this status and {@code plan.scenario().repeats()} repeats. */
  public static ScenarioResult result(ScenarioPlan plan, RunStatus status, Instant finishedAt) {
    List<RepeatMetrics> repeats = new ArrayList<>();
    for (int i = 1; i <= plan.scenario().repeats(); i++) {
      repeats.add(
          RepeatMetrics.builder(i)
              .totalTimeSeconds(1.0 + i)
              .jobsCompleted(plan.numInstances())
              .expectedJobs(plan.numInstances())
              .jobsPerSecond(plan.numInstances() / (1.0 + i))
              .idealTimeSeconds(1.0)
              .efficiency(1.0 / (1.0 + i))
              .latency(new LatencySummary(4, 10 * i, 20 * i, 30 * i, 40 * i))
              .startDelay(new LatencySummary(4, 1, 2, 3, 4))
              .peakInFlight(2)
              .memoryPeakMb(64.5)
              .maxRssMb(200.25)
              .rssDeltaMb(1.5)
              .cpuSeconds(0.75 * i)
              .cpuUtilization(0.4 + 0.3 * i)
              .slotUse(SlotUse.of(2_000_000_000L, 1_200_000_000L, 200_000_000L, 400_000_000L, 200_000_000L, 4))
              .diagnosisContext(Diagnosis.Context.of(plan, 2))
              .peakThreads(30 + i)
              .gcSeconds(0.01)
              .redeliveries(0)
              .failedJobs(i - 1)
              .incidents(0)
              .build());
    }
    return new ScenarioResult(
        plan,
        status,
        status == RunStatus.SUCCESS ? null : "Expected 4 jobs to complete, but 2 did",
        status == RunStatus.SUCCESS ? List.of() : List.of("timeout cannot fit the ideal time"),
        3.25,
        finishedAt,
        "thread",
        2,
        0.125,
        1.5,
        repeats,
        2.5);
  }
}
