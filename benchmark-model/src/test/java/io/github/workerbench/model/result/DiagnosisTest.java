package io.github.workerbench.model.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.workerbench.model.result.Diagnosis.Cause;
import io.github.workerbench.model.result.Diagnosis.Context;
import io.github.workerbench.model.scenario.AcquisitionKind;
import io.github.workerbench.model.scenario.StrategyKind;
import io.github.workerbench.model.scenario.TransportKind;
import io.github.workerbench.model.scenario.WorkloadKind;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DiagnosisTest {

  private static final long S = 1_000_000_000L;

  /** Sleep work of 0.5 s at c = 20 on 2 cores, through the client's JobWorker over REST. */
  private static Context jobWorker(StrategyKind strategy) {
    return new Context(
        strategy, WorkloadKind.SLEEP, AcquisitionKind.JOB_WORKER, TransportKind.REST, 20, 0.5, 2);
  }

  /** Slot time in whole slot-seconds: working, activation, start, completion, other. */
  private static SlotUse slots(long working, long activation, long start, long completion, long other, long runs) {
    return SlotUse.of(working * S, activation * S, start * S, completion * S, other * S, runs);
  }

  @Test
  void shouldNameTheRefillThresholdWhenSlotsAwaitedActivationUnderTheJobWorker() {
    // given 200 jobs of 0.5 s in 20 slots for 7.1 s: 100 slot-s of work, 38 free awaiting the
    // JobWorker's next poll, a little start and completion, the drain
    SlotUse use = slots(100, 38, 1, 1, 2, 200);

    // when
    Diagnosis diagnosis = Diagnosis.of(use, 0.70, 0.05, jobWorker(StrategyKind.THREAD));

    // then
    assertThat(diagnosis.cause()).isEqualTo(Cause.REFILL_THRESHOLD);
    assertThat(diagnosis.advice()).contains("max_jobs_active").contains("70%");
    assertThat(diagnosis.harnessBound()).isFalse();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          # sleep or subprocess work of 0.5 s at c = 20 on 2 cores over REST; slot-seconds working,
          # awaiting activation, start and completion, other; runs; efficiency; the process's
          # share of the cores; the cause
          slots awaited activation under direct activation | THREAD | SLEEP      | DIRECT     | 100 | 20 | 1  | 1  | 2 | 200 | 0.8  | 0.05 | ACTIVATION_ROUND_TRIPS
          finished jobs held their slots                   | THREAD | SLEEP      | JOB_WORKER | 100 | 5  | 1  | 30 | 2 | 200 | 0.7  | 0.05 | COMPLETION_ROUND_TRIPS
          activated jobs waited for the strategy           | AUTO   | SLEEP      | JOB_WORKER | 60  | 5  | 30 | 3  | 2 | 120 | 0.6  | 0.05 | START_QUEUE
          subprocess runs of 0.5 s took 0.75 s             | THREAD | SUBPROCESS | DIRECT     | 150 | 5  | 2  | 1  | 2 | 200 | 0.62 | 0.3  | WORK_SLOWER
          """)
  void shouldNameTheCauseWhenTheSlotsWaitedMostlyInOnePlace(
      String why,
      StrategyKind strategy,
      WorkloadKind workload,
      AcquisitionKind acquisition,
      long working,
      long activation,
      long start,
      long completion,
      long other,
      long runs,
      double efficiency,
      double cpuShare,
      Cause expected) {
    // given
    Context context = new Context(strategy, workload, acquisition, TransportKind.REST, 20, 0.5, 2);

    // when
    Diagnosis diagnosis =
        Diagnosis.of(slots(working, activation, start, completion, other, runs), efficiency, cpuShare, context);

    // then
    assertThat(diagnosis.cause()).isEqualTo(expected);
  }

  @Test
  void shouldNameCpuBeyondTheCoresWhenCpuWorkRanLongerAtConcurrencyAboveTheCores() {
    // given cpu work of 0.5 s at c = 10 on 2 cores, each run taking 2.5 s
    Context cpu =
        new Context(
            StrategyKind.THREAD, WorkloadKind.CPU, AcquisitionKind.JOB_WORKER, TransportKind.REST, 10, 0.5, 2);

    // when the process used the cores, too
    Diagnosis diagnosis = Diagnosis.of(slots(100, 2, 1, 1, 1, 40), 0.85, 0.97, cpu);

    // then the cause is the one a setting fixes, and the machine is flagged all the same
    assertThat(diagnosis.cause()).isEqualTo(Cause.CPU_BEYOND_CORES);
    assertThat(diagnosis.harnessBound()).isTrue();
  }

  @Test
  void shouldNameTheSaturatedMachineWhenTheProcessUsedTheCores() {
    // when a harness-bound repeat (90% of the cores) fell short
    Diagnosis diagnosis =
        Diagnosis.of(slots(100, 38, 1, 1, 2, 200), 0.7, 0.9, jobWorker(StrategyKind.THREAD));

    // then its free slots are a symptom: the machine set the result
    assertThat(diagnosis.harnessBound()).isTrue();
    assertThat(diagnosis.cause()).isEqualTo(Cause.MACHINE_SATURATED);
  }

  @Test
  void shouldNameTheStrategysCapacityWhenItRunsFewerJobsThanSlots() {
    // given the process strategy with 4 children at c = 10 (direct activation asks for 4): six
    // slots of ten never hold a job
    Context process =
        new Context(
                StrategyKind.PROCESS, WorkloadKind.HTTP, AcquisitionKind.DIRECT, TransportKind.REST, 10, 0.2, 2)
            .withStrategySlots(4);

    // when
    Diagnosis diagnosis = Diagnosis.of(slots(38, 58, 0, 2, 2, 190), 0.24, 0.4, process);

    // then
    assertThat(diagnosis.cause()).isEqualTo(Diagnosis.Cause.STRATEGY_CAPACITY);
    assertThat(diagnosis.strategySlots()).isEqualTo(4);
  }

  @Test
  void shouldNameNothingWhenTheResultIsWithinFivePercentOfTheIdeal() {
    // when
    Diagnosis diagnosis =
        Diagnosis.of(slots(100, 3, 0, 0, 1, 200), 0.96, 0.95, jobWorker(StrategyKind.THREAD));

    // then nothing to fix, though the machine was full
    assertThat(diagnosis.cause()).isEqualTo(Cause.NONE);
    assertThat(diagnosis.harnessBound()).isTrue();
  }

  @Test
  void shouldNotDiagnoseWhenNoWindowWasMeasured() {
    assertThat(Diagnosis.of(SlotUse.NOT_MEASURED, 0, 1, jobWorker(StrategyKind.THREAD)))
        .isEqualTo(Diagnosis.NOT_MEASURED);
  }

  @Test
  void shouldReadEveryCauseBackWhenWrittenById() {
    for (Cause cause : Cause.values()) {
      assertThat(Cause.fromId(cause.id())).isEqualTo(cause);
      assertThat(cause.advice()).endsWith(".");
    }
    assertThat(Cause.fromId("a_newer_cause")).isNull();
  }

  @Test
  void shouldSumTheFractionsToOneWhenMadeFromSlotTimes() {
    // when
    SlotUse use = slots(7, 1, 1, 0, 1, 7);
    // then
    assertThat(use.working() + use.awaitingActivation() + use.awaitingStart()
            + use.awaitingCompletion() + use.other())
        .isCloseTo(1.0, within(1e-12));
    assertThat(use.working()).isCloseTo(0.7, within(1e-12));
    assertThat(use.workPerRunSeconds()).isCloseTo(1.0, within(1e-12));
  }

  @Test
  void shouldAverageThePartsWhenTheRepeatsAreCombined() {
    // when
    SlotUse mean =
        SlotUse.mean(List.of(slots(8, 2, 0, 0, 0, 8), slots(6, 4, 0, 0, 0, 3), SlotUse.NOT_MEASURED));
    // then the unmeasured repeat plays no part
    assertThat(mean.working()).isCloseTo(0.7, within(1e-12));
    assertThat(mean.awaitingActivation()).isCloseTo(0.3, within(1e-12));
    assertThat(mean.workPerRunSeconds()).isCloseTo(1.5, within(1e-12));
  }

  @Test
  void shouldRefuseFractionsThatDoNotSumToOne() {
    assertThatThrownBy(() -> new SlotUse(0.5, 0.2, 0, 0, 0, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("sum to 1");
  }
}
