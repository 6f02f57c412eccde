package io.github.workerbench.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.workerbench.model.result.Diagnosis;
import io.github.workerbench.model.result.RepeatMetrics;
import io.github.workerbench.model.result.SlotUse;
import io.github.workerbench.model.scenario.AcquisitionKind;
import io.github.workerbench.model.scenario.Scenario;
import io.github.workerbench.model.scenario.ScenarioPlan;
import io.github.workerbench.model.scenario.StrategyKind;
import io.github.workerbench.model.scenario.TransportKind;
import io.github.workerbench.model.scenario.WorkloadKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScenarioWarningsTest {

  static Scenario.Builder scenario() {
    return Scenario.builder()
        .name("warn")
        .numInstances(20)
        .strategy(StrategyKind.THREAD)
        .workloadType(WorkloadKind.SLEEP)
        .workDuration(1.0)
        .maxConcurrentJobs(5)
        .repeats(1)
        .timeout(60)
        .jobTimeoutMs(300_000)
        .phase("test");
  }

  @Test
  void shouldWarnNothingWhenThePlanFits() {
    // when
    List<String> warnings = ScenarioWarnings.before(ScenarioPlan.of(scenario().build()), 2, true);
    // then
    assertThat(warnings).isEmpty();
  }

  @Test
  void shouldFlagTheTimeoutWhenItCannotFitTheIdealTime() {
    // given ideal = ceil(20/5) × 1 s = 4 s, timeout 3 s
    ScenarioPlan plan = ScenarioPlan.of(scenario().timeout(3).build());
    // when
    List<String> warnings = ScenarioWarnings.before(plan, 2, true);
    // then
    assertThat(warnings)
        .containsExactly(
            "timeout of 3.000 s cannot fit the ideal time of 4.000 s: the scenario cannot succeed");
  }

  @Test
  void shouldFlagTheJobTimeoutWhenItIsShorterThanTheWork() {
    // given work up to 1 s × 1.5 with jitter, job timeout 1.2 s
    ScenarioPlan plan = ScenarioPlan.of(scenario().jobTimeoutMs(1_200).jitterPct(0.5).build());
    // when
    List<String> warnings = ScenarioWarnings.before(plan, 2, true);
    // then
    assertThat(warnings)
        .singleElement()
        .asString()
        .startsWith("job_timeout_ms 1200 is shorter than the work of up to 1500 ms");
  }

  @Test
  void shouldNotFlagTheJobTimeoutWhenNothingRedeliversJobs() {
    // given the same short job timeout, for the engine-free floor
    ScenarioPlan plan = ScenarioPlan.of(scenario().jobTimeoutMs(1_200).jitterPct(0.5).build());
    // when
    List<String> warnings = ScenarioWarnings.before(plan, 2, false);
    // then
    assertThat(warnings).isEmpty();
  }

  @Test
  void shouldFlagTheThreadsSleepNotTheWorkDurationWhenSubprocessThreaded() {
    // given 1 s of work, whose 5 threads sleep 3 × 0.1 s: 300 ms per job against 299 ms
    ScenarioPlan plan =
        ScenarioPlan.of(
            scenario().workloadType(WorkloadKind.SUBPROCESS_THREADED).jobTimeoutMs(299).build());
    // when
    List<String> warnings = ScenarioWarnings.before(plan, 2, true);
    // then
    assertThat(warnings)
        .singleElement()
        .asString()
        .startsWith("job_timeout_ms 299 is shorter than the work of up to 300 ms");
    assertThat(ScenarioWarnings.before(
            ScenarioPlan.of(
                scenario().workloadType(WorkloadKind.SUBPROCESS_THREADED).jobTimeoutMs(301).build()),
            2,
            true))
        .isEmpty();
  }

  @Test
  void shouldFlagTheTimeoutAgainstTheScaledDurationsWhenScaled() {
    // given scale 0.1: ideal 0.4 s, timeout 6 s — fits
    ScenarioPlan plan = ScenarioPlan.of(scenario().timeout(60).build(), 0.1);
    // when / then
    assertThat(ScenarioWarnings.before(plan, 2, true)).isEmpty();
  }

  @Test
  void shouldReportMeasuredFaultsWhenRepeatsHadThem() {
    // given
    RepeatMetrics first = RepeatMetrics.builder(1).redeliveries(2).failedJobs(3).build();
    RepeatMetrics second = RepeatMetrics.builder(2).redeliveries(1).incidents(1).build();
    // when
    List<String> warnings = ScenarioWarnings.after(List.of(first, second), 2);
    // then
    assertThat(warnings).hasSize(3);
    assertThat(warnings.get(0)).startsWith("3 redeliveries");
    assertThat(warnings.get(1)).startsWith("3 handler runs failed");
    assertThat(warnings.get(2)).startsWith("1 jobs ran out of retries");
  }

  @Test
  void shouldWarnTheMachineSetTheResultWhenARepeatUsedNinetyPercentOfTheCores() {
    // given two repeats, the second with its process tree at 93% of the cores during the window
    Diagnosis.Context context =
        new Diagnosis.Context(
            StrategyKind.THREAD, WorkloadKind.CPU, AcquisitionKind.DIRECT, TransportKind.GRPC_STREAM,
            4, 0.5, 2);
    SlotUse slots = SlotUse.of(80, 10, 0, 5, 5, 10);
    RepeatMetrics calm =
        RepeatMetrics.builder(1).efficiency(0.8).cpuUtilization(0.40).slotUse(slots)
            .diagnosisContext(context).build();
    RepeatMetrics busy =
        RepeatMetrics.builder(2).efficiency(0.8).cpuUtilization(0.93).slotUse(slots)
            .diagnosisContext(context).build();

    // when
    List<String> warnings = ScenarioWarnings.after(List.of(calm, busy), 2);

    // then
    assertThat(busy.diagnosis().harnessBound()).isTrue();
    assertThat(calm.diagnosis().harnessBound()).isFalse();
    assertThat(warnings)
        .containsExactly(
            "harness_bound: the process and its children used up to 93% of the 2 cores during 1 of"
                + " 2 measured windows, so the machine, not the strategy, set this result");
  }

  @Test
  void shouldMakeUniqueProcessIdsWhenTheSameRepeatRunsTwice() {
    // when
    String first = EngineRepeatDriver.isolationId("load async/10", 1);
    String second = EngineRepeatDriver.isolationId("load async/10", 1);
    // then
    assertThat(first).startsWith("wb-load_async_10-1-").matches("[A-Za-z][A-Za-z0-9_-]*");
    assertThat(first).isNotEqualTo(second);
  }
}
