package io.github.workerbench.core.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.workerbench.core.engine.EmbeddedEngine;
import io.github.workerbench.core.worker.DefaultWorkerFactory;
import io.github.workerbench.model.result.Diagnosis;
import io.github.workerbench.model.result.ScenarioResult;
import io.github.workerbench.model.result.SlotUse;
import io.github.workerbench.model.scenario.AcquisitionKind;
import io.github.workerbench.model.scenario.Scenario;
import io.github.workerbench.model.scenario.ScenarioPlan;
import io.github.workerbench.model.scenario.StrategyKind;
import io.github.workerbench.model.scenario.TransportKind;
import io.github.workerbench.model.scenario.WorkloadKind;
import org.junit.jupiter.api.Test;

/** The diagnosis of real repeats on the embedded engine, with the real workers. */
class DiagnosisIT {

  @Test
  void shouldNameTheRefillThresholdWhenTheJobWorkerHoldsAsManyJobsAsSlots() {
    // given the issue-3 job-worker x1 scenario, smaller: sleep work with a spread, max_jobs_active
    // = max_concurrent_jobs, so freed slots wait until 70% of them are free
    ScenarioPlan plan =
        ScenarioPlan.of(
            Scenario.builder()
                .name("diagnosis_jobworker_x1")
                .numInstances(60)
                .strategy(StrategyKind.THREAD)
                .workloadType(WorkloadKind.SLEEP)
                .workDuration(0.2)
                .jitterPct(0.25)
                .maxConcurrentJobs(10)
                .acquisition(AcquisitionKind.JOB_WORKER)
                .transport(TransportKind.REST)
                .repeats(1)
                .timeout(60)
                .jobTimeoutMs(30_000)
                .phase("it")
                .build());

    // when
    ScenarioResult result;
    try (ScenarioRunner runner =
        new ScenarioRunner(
            new EngineRepeatDriver(EmbeddedEngine::new, new DefaultWorkerFactory()))) {
      result = runner.run(plan);
    }

    // then
    Diagnosis diagnosis = RunResults.successfulRepeat(result).diagnosis();
    SlotUse slots = diagnosis.slots();
    assertThat(slots.working() + slots.awaitingActivation() + slots.awaitingStart()
            + slots.awaitingCompletion() + slots.other())
        .isCloseTo(1.0, within(1e-9));
    assertThat(diagnosis.harnessBound())
        .as("the machine was saturated (cpu_utilization %s): no strategy result to read",
            result.repeats().get(0).cpuUtilization())
        .isFalse();
    assertThat(slots.awaitingActivation()).as("%s", slots).isGreaterThan(slots.awaitingStart());
    assertThat(diagnosis.cause()).as("%s", slots).isEqualTo(Diagnosis.Cause.REFILL_THRESHOLD);
    assertThat(result.diagnosis().cause()).isEqualTo(Diagnosis.Cause.REFILL_THRESHOLD);
    // the work took its duration: a sleep of 0.2 s on average
    assertThat(slots.workPerRunSeconds()).isCloseTo(0.2, within(0.02));
  }
}
