package io.github.workerbench.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class RunRecorderTest {

  private static final long MS = 1_000_000L;

  @Test
  void shouldTrackThePeakOfJobsInWorkWhenJobsOverlap() {
    // given
    RunRecorder recorder = new RunRecorder(3, 10);
    // when: 1 starts, 2 starts, 1 ends, 3 starts, 2 ends, 3 ends
    recorder.started(1, 0, 0);
    recorder.started(2, 0, 0);
    recorder.finished(1, 0);
    recorder.started(3, 0, 0);
    recorder.finished(2, 0);
    recorder.finished(3, 0);
    // then
    RunRecorder.Snapshot snapshot = recorder.snapshot();
    assertThat(snapshot.peakInFlight()).isEqualTo(2);
    assertThat(snapshot.inFlight()).isZero();
  }

  @Test
  void shouldCountARedeliveryWhenAJobIsActivatedAgain() {
    // given
    RunRecorder recorder = new RunRecorder(2, 10);
    // when
    recorder.activated(1, 10);
    recorder.activated(2, 20);
    recorder.activated(1, 30);
    recorder.activated(1, 40);
    // then
    RunRecorder.Snapshot snapshot = recorder.snapshot();
    assertThat(snapshot.redeliveries()).isEqualTo(2);
    assertThat(snapshot.firstActivationNanos()).isEqualTo(10);
  }

  @Test
  void shouldCountAJobOnceWhenItsCompletionIsReportedTwice() throws InterruptedException {
    // given
    RunRecorder recorder = new RunRecorder(2, 10);
    // when
    recorder.completed(1, 100, 5 * MS);
    recorder.completed(1, 100, 9 * MS);
    // then
    assertThat(recorder.completedCount()).isEqualTo(1);
    assertThat(recorder.snapshot().lastCompletionNanos()).isEqualTo(5 * MS);
    assertThat(recorder.awaitAllCompleted(Duration.ZERO)).isFalse();
  }

  @Test
  void shouldReportAllCompletedWhenEveryExpectedJobCompleted() throws InterruptedException {
    // given
    RunRecorder recorder = new RunRecorder(2, 10);
    // when
    recorder.completed(1, 100, MS);
    recorder.completed(2, 200, 2 * MS);
    // then
    assertThat(recorder.awaitAllCompleted(Duration.ZERO)).isTrue();
    assertThat(recorder.snapshot().lastCompletionNanos()).isEqualTo(2 * MS);
  }

  @Test
  void shouldMeasureLatencyFromCreationWhenCompletionArrivesFirst() {
    // given
    RunRecorder recorder = new RunRecorder(2, 10);
    // when: instance 100 completes before its creation answer was recorded
    recorder.completed(1, 100, 30 * MS);
    recorder.instanceCreated(100, 10 * MS);
    recorder.instanceCreated(200, 10 * MS);
    recorder.completed(2, 200, 50 * MS);
    // then
    RunRecorder.Snapshot snapshot = recorder.snapshot();
    assertThat(snapshot.latency().count()).isEqualTo(2);
    assertThat(snapshot.latency().p50Millis()).isCloseTo(20.0, within(0.05));
    assertThat(snapshot.latency().maxMillis()).isCloseTo(40.0, within(0.05));
  }

  @Test
  void shouldComputePercentilesWhenValuesComeFromAFrozenClock() {
    // given 100 jobs with start delays of 1..100 ms
    RunRecorder recorder = new RunRecorder(100, 10);
    // when
    for (int i = 1; i <= 100; i++) {
      recorder.started(i, 0, i * MS);
    }
    // then
    RunRecorder.Snapshot snapshot = recorder.snapshot();
    assertThat(snapshot.startDelay().count()).isEqualTo(100);
    assertThat(snapshot.startDelay().p50Millis()).isCloseTo(50.0, within(0.05));
    assertThat(snapshot.startDelay().p95Millis()).isCloseTo(95.0, within(0.05));
    assertThat(snapshot.startDelay().p99Millis()).isCloseTo(99.0, within(0.1));
    assertThat(snapshot.startDelay().maxMillis()).isCloseTo(100.0, within(0.1));
  }

  @Test
  void shouldKeepEarlierValuesWhenSnapshotIsTakenTwice() {
    // given
    RunRecorder recorder = new RunRecorder(2, 10);
    recorder.started(1, 0, 4 * MS);
    recorder.snapshot();
    // when
    recorder.started(2, 0, 8 * MS);
    // then
    assertThat(recorder.snapshot().startDelay().count()).isEqualTo(2);
  }

  @Test
  void shouldCountIncidentsWhenAFailedJobHasNoRetriesLeft() {
    // given
    RunRecorder recorder = new RunRecorder(1, 10);
    // when
    recorder.failed(1, 2, "boom", 0);
    recorder.failed(1, 1, "boom", 0);
    recorder.failed(1, 0, "boom", 0);
    // then
    RunRecorder.Snapshot snapshot = recorder.snapshot();
    assertThat(snapshot.failedJobs()).isEqualTo(3);
    assertThat(snapshot.incidents()).isEqualTo(1);
  }

  @Test
  void shouldCountEveryDistinctJobWhenManyThreadsReportAtOnce() throws Exception {
    // given 4 threads each completing the same 500 jobs
    int jobs = 500;
    RunRecorder recorder = new RunRecorder(jobs, 10);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<?>> futures = new ArrayList<>();
    // when
    for (int t = 0; t < 4; t++) {
      futures.add(
          pool.submit(
              () -> {
                go.await();
                for (int job = 0; job < jobs; job++) {
                  recorder.instanceCreated(job + 10_000, 0);
                  recorder.activated(job, 0);
                  recorder.started(job, 0, MS);
                  recorder.finished(job, 2 * MS);
                  recorder.completed(job, job + 10_000, 3 * MS);
                }
                return null;
              }));
    }
    go.countDown();
    for (Future<?> future : futures) {
      future.get();
    }
    pool.shutdown();
    // then
    RunRecorder.Snapshot snapshot = recorder.snapshot();
    assertThat(snapshot.completed()).isEqualTo(jobs);
    assertThat(snapshot.redeliveries()).isEqualTo(3L * jobs);
    assertThat(snapshot.latency().count()).isEqualTo(jobs);
    assertThat(snapshot.peakInFlight()).isBetween(1, 4);
    assertThat(recorder.awaitAllCompleted(Duration.ZERO)).isTrue();
  }
}
