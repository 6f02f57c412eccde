package io.github.workerbench.core.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.workerbench.core.BenchmarkException;
import io.github.workerbench.core.metrics.RunRecorder;
import io.github.workerbench.core.worker.RunningWorker;
import io.github.workerbench.model.result.Diagnosis;
import io.github.workerbench.model.result.RepeatMetrics;
import io.github.workerbench.model.result.RunStatus;
import io.github.workerbench.model.result.SlotUse;
import io.github.workerbench.model.scenario.ScenarioPlan;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** One repeat's window, figures and failures, on a clock driven by hand. */
class MeasuredWindowTest {

  private static final long MS = 1_000_000;

  private final AtomicLong clock = new AtomicLong();
  private final MeasuredWindow window = new MeasuredWindow(clock::get);
  private final List<String> events = new ArrayList<>();
  private final ScenarioPlan plan =
      ScenarioPlan.of(
          ScenarioWarningsTest.scenario().name("window").numInstances(3).timeout(1).build());

  private RepeatOutcome measure(MeasuredWindow.Feed feed) {
    RepeatMetrics.Builder metrics =
        RepeatMetrics.builder(2).expectedJobs(3).idealTimeSeconds(0.05);
    return window.measure(plan, 2, metrics, new RunRecorder(3, 10), feed);
  }

  private RunningWorker worker() {
    return new RunningWorker() {
      @Override
      public String resolvedStrategy() {
        return "virtual";
      }

      @Override
      public Duration startupTime() {
        return Duration.ofMillis(250);
      }

      @Override
      public void close() {
        events.add("closed at " + clock.get() / MS);
      }
    };
  }

  /** Jobs created at 10 ms; the worker starts at 100 ms; {@code completing} jobs complete. */
  private class Jobs implements MeasuredWindow.Feed {
    private final int completing;

    Jobs(int completing) {
      this.completing = completing;
    }

    @Override
    public void beforeWorker(RunRecorder recorder) {
      clock.set(10 * MS);
      for (long key = 1; key <= 3; key++) {
        recorder.instanceCreated(100 + key, clock.get());
      }
    }

    @Override
    public RunningWorker startWorker(RunRecorder recorder) {
      clock.set(100 * MS);
      return worker();
    }

    @Override
    public boolean awaitJobs(RunRecorder recorder, Duration timeout)
        throws InterruptedException {
      assertThat(timeout).isEqualTo(Duration.ofSeconds(1));
      for (long key = 1; key <= 3; key++) {
        recorder.activated(key, 110 * MS);
        recorder.started(key, 110 * MS, 120 * MS);
      }
      for (long key = 1; key <= 3; key++) {
        recorder.finished(key, 170 * MS);
        if (key <= completing) {
          recorder.completed(key, 100 + key, (180 + 10 * key) * MS);
        }
      }
      clock.set(400 * MS);
      return completing == 3;
    }
  }

  @Test
  void shouldMeasureFromTheWorkerStartToTheLastCompletionWhenEveryJobCompletes() {
    // when
    RepeatOutcome outcome = measure(new Jobs(3));

    // then
    RepeatMetrics metrics = outcome.metrics();
    assertThat(metrics.status()).isEqualTo(RunStatus.SUCCESS);
    assertThat(metrics.error()).isNull();
    assertThat(metrics.repeat()).isEqualTo(2);
    assertThat(metrics.totalTimeSeconds()).isCloseTo(0.110, within(1e-9));
    assertThat(metrics.jobsCompleted()).isEqualTo(3);
    assertThat(metrics.jobsPerSecond()).isCloseTo(3 / 0.110, within(1e-6));
    assertThat(metrics.efficiency()).isCloseTo(0.05 / 0.110, within(1e-9));
    assertThat(metrics.latency().count()).isEqualTo(3);
    assertThat(metrics.latency().maxMillis()).isCloseTo(200, within(1.0));
    assertThat(metrics.startDelay().p50Millis()).isCloseTo(10, within(0.1));
    assertThat(metrics.peakInFlight()).isEqualTo(3);
    assertThat(outcome.resolvedStrategy()).isEqualTo("virtual");
    assertThat(outcome.startupSeconds()).isEqualTo(0.25);
    assertThat(events).containsExactly("closed at 400");
  }

  @Test
  void shouldDiagnoseTheWindowFromItsSlotUseWhenTheRepeatHasAContext() {
    // given 5 slots (max_concurrent_jobs) over the window [100, 210] ms: 3 jobs activated at
    // 110, started at 120, finished at 170, acknowledged at 190, 200 and 210
    RepeatMetrics.Builder metrics =
        RepeatMetrics.builder(1)
            .expectedJobs(3)
            .idealTimeSeconds(0.05)
            .diagnosisContext(Diagnosis.Context.of(plan, 2));

    // when
    RepeatMetrics measured =
        window.measure(plan, 1, metrics, new RunRecorder(3, plan.maxConcurrentJobs()), new Jobs(3))
            .metrics();

    // then of 5 × 110 = 550 slot-ms, as the feed reports its events (each job finished at 170
    // and then acknowledged, job by job): working 3 × 50 + 2 × 20 + 10 = 200; awaiting
    // completion 20 + 10 + 10 = 40; jobs 2 and 3 are reported activated (at 110) after job 1
    // started (at 120) and the timeline keeps the latest time, so only job 1 awaited its start:
    // 10; awaiting activation 5 × 10 before the first job plus 4 × 10 up to the last activation
    // = 90; the slots free after it: 210
    SlotUse slots = measured.diagnosis().slots();
    assertThat(slots.working()).isCloseTo(200.0 / 550, within(1e-9));
    assertThat(slots.awaitingCompletion()).isCloseTo(40.0 / 550, within(1e-9));
    assertThat(slots.awaitingStart()).isCloseTo(10.0 / 550, within(1e-9));
    assertThat(slots.awaitingActivation()).isCloseTo(90.0 / 550, within(1e-9));
    assertThat(slots.other()).isCloseTo(210.0 / 550, within(1e-9));
    assertThat(slots.workPerRunSeconds()).isCloseTo(0.200 / 3, within(1e-9));
    assertThat(measured.diagnosis().cause()).isEqualTo(Diagnosis.Cause.DRAIN);
  }

  @Test
  void shouldOpenTheWindowAtTheFirstHandOverWhenJobsFlowBeforeTheStartReturns() {
    // given a worker that takes its first job at 95 ms and returns at 100 ms (the bare feeder)
    MeasuredWindow.Feed feed =
        new Jobs(3) {
          @Override
          public RunningWorker startWorker(RunRecorder recorder) {
            recorder.activated(9, 95 * MS);
            clock.set(100 * MS);
            return worker();
          }
        };

    // when
    RepeatOutcome outcome = measure(feed);

    // then
    assertThat(outcome.metrics().totalTimeSeconds()).isCloseTo(0.115, within(1e-9));
  }

  @Test
  void shouldFailNamingTheCompletedJobsWhenTheTimeoutPasses() {
    // when
    RepeatOutcome outcome = measure(new Jobs(1));

    // then: the window ends at the last completion, and only that job is credited
    RepeatMetrics metrics = outcome.metrics();
    assertThat(metrics.status()).isEqualTo(RunStatus.FAILED);
    assertThat(metrics.error()).isEqualTo("Expected 3 jobs to complete within 1.0 s, but 1 did");
    assertThat(metrics.totalTimeSeconds()).isCloseTo(0.090, within(1e-9));
    assertThat(metrics.efficiency()).isCloseTo(0.05 / 3 / 0.090, within(1e-9));
    assertThat(events).containsExactly("closed at 400");
  }

  @Test
  void shouldEndAsInterruptedAndCloseTheWorkerWhenTheWaitIsInterrupted() {
    // given
    MeasuredWindow.Feed feed =
        new Jobs(3) {
          @Override
          public boolean awaitJobs(RunRecorder recorder, Duration timeout)
              throws InterruptedException {
            throw new InterruptedException();
          }
        };

    // when
    RepeatOutcome outcome;
    try {
      outcome = measure(feed);
    } finally {
      assertThat(Thread.interrupted()).as("the interrupt is kept for the loop").isTrue();
    }

    // then
    assertThat(outcome.metrics().status()).isEqualTo(RunStatus.INTERRUPTED);
    assertThat(outcome.metrics().error()).isEqualTo("interrupted after 0 of 3 jobs");
    assertThat(events).containsExactly("closed at 100");
  }

  @Test
  void shouldFailWithItsOwnMessageAndTellTheFeedWhenTheWorkerCannotStart() {
    // given
    MeasuredWindow.Feed feed =
        new Jobs(3) {
          @Override
          public RunningWorker startWorker(RunRecorder recorder) {
            throw new BenchmarkException("Expected to start the process strategy, but no java");
          }

          @Override
          public void failed(RuntimeException error) {
            events.add("failed: " + error.getMessage());
          }
        };

    // when
    RepeatOutcome outcome = measure(feed);

    // then
    assertThat(outcome.metrics().status()).isEqualTo(RunStatus.FAILED);
    assertThat(outcome.metrics().error())
        .isEqualTo("Expected to start the process strategy, but no java");
    assertThat(outcome.metrics().totalTimeSeconds()).isZero();
    assertThat(outcome.resolvedStrategy()).isNull();
    assertThat(events)
        .containsExactly("failed: Expected to start the process strategy, but no java");
  }

  @Test
  void shouldNameTheRepeatAndTheCauseWhenAStepFailsUnexpectedly() {
    // given
    MeasuredWindow.Feed feed =
        new Jobs(3) {
          @Override
          public void beforeSampling() {
            throw new IllegalStateException("boom");
          }
        };

    // when
    RepeatOutcome outcome = measure(feed);

    // then
    assertThat(outcome.metrics().error())
        .isEqualTo("Expected to run repeat 2 of 'window', but java.lang.IllegalStateException: boom");
    assertThat(events).isEmpty();
  }

  @Test
  void shouldFailWithTheShortfallWhenJobsEndedInTimeButFellShort() {
    // given
    MeasuredWindow.Feed feed =
        new Jobs(3) {
          @Override
          public String shortfall(RunRecorder.Snapshot snapshot) {
            return "Expected " + snapshot.expected() + " jobs to complete, but 2 raised incidents";
          }
        };

    // when
    RepeatOutcome outcome = measure(feed);

    // then
    assertThat(outcome.metrics().status()).isEqualTo(RunStatus.FAILED);
    assertThat(outcome.metrics().error())
        .isEqualTo("Expected 3 jobs to complete, but 2 raised incidents");
    assertThat(outcome.metrics().totalTimeSeconds()).isCloseTo(0.110, within(1e-9));
  }
}
