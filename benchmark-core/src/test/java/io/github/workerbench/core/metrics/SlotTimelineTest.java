package io.github.workerbench.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.workerbench.model.result.SlotUse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Slot use from timelines whose every interval is known, so each fraction is known too. */
class SlotTimelineTest {

  private static final long MS = 1_000_000;

  private static double sum(SlotUse use) {
    return use.working()
        + use.awaitingActivation()
        + use.awaitingStart()
        + use.awaitingCompletion()
        + use.other();
  }

  @Test
  void shouldSplitTheSlotTimeIntoItsFivePartsWhenTwoJobsOverlap() {
    // given 2 slots over [0, 100] ms:
    //   job 1: activated 0, started 10, finished 60, acknowledged 70
    //   job 2: activated 20 (the last activation), started 20, finished 80, acknowledged 100
    SlotTimeline timeline = new SlotTimeline(2);
    timeline.activated(0);
    timeline.started(10 * MS);
    timeline.activated(20 * MS);
    timeline.started(20 * MS);
    timeline.finished(60 * MS);
    timeline.acknowledged(70 * MS);
    timeline.finished(80 * MS);
    timeline.acknowledged(100 * MS);

    // when
    SlotUse use = timeline.slotUse(0, 100 * MS, 0, 2);

    // then, of 200 slot-ms: working 10 + 80 + 10 + 10 = 110; awaiting activation (free before
    // the last activation) 10 + 10 = 20; awaiting start (job 1 in [0, 10]) 10; awaiting
    // completion 10 + 20 = 30; the drain after the last activation 10 + 20 = 30
    assertThat(use.working()).isCloseTo(0.55, within(1e-9));
    assertThat(use.awaitingActivation()).isCloseTo(0.10, within(1e-9));
    assertThat(use.awaitingStart()).isCloseTo(0.05, within(1e-9));
    assertThat(use.awaitingCompletion()).isCloseTo(0.15, within(1e-9));
    assertThat(use.other()).isCloseTo(0.15, within(1e-9));
    assertThat(sum(use)).isCloseTo(1.0, within(1e-9));
    assertThat(use.workPerRunSeconds()).isCloseTo(0.055, within(1e-9));
  }

  @Test
  void shouldCountJobsBeyondTheSlotsAsWaitingForASlotWhenMoreAreActivatedThanSlots() {
    // given 1 slot and 2 jobs activated at once (max_jobs_active twice the concurrency)
    SlotTimeline timeline = new SlotTimeline(1);
    timeline.activated(0);
    timeline.activated(0);
    timeline.started(0);
    timeline.finished(50 * MS);
    timeline.acknowledged(50 * MS);
    timeline.started(50 * MS);
    timeline.finished(100 * MS);
    timeline.acknowledged(100 * MS);

    // when
    SlotUse use = timeline.slotUse(0, 100 * MS, 0, 2);

    // then the slot worked all the time; the second job waited for it, not it for the job
    assertThat(use.working()).isCloseTo(1.0, within(1e-9));
    assertThat(use.awaitingStart()).isZero();
    assertThat(sum(use)).isCloseTo(1.0, within(1e-9));
  }

  @Test
  void shouldCountTheSlotsAsAwaitingActivationWhenTheWindowOpensBeforeTheFirstJob() {
    // given the worker starts at 0 and its one job arrives at 40
    SlotTimeline timeline = new SlotTimeline(1);
    timeline.activated(40 * MS);
    timeline.started(40 * MS);
    timeline.finished(90 * MS);
    timeline.acknowledged(100 * MS);

    // when
    SlotUse use = timeline.slotUse(0, 100 * MS, 40 * MS, 1);

    // then
    assertThat(use.awaitingActivation()).isCloseTo(0.4, within(1e-9));
    assertThat(use.working()).isCloseTo(0.5, within(1e-9));
    assertThat(use.awaitingCompletion()).isCloseTo(0.1, within(1e-9));
    assertThat(use.other()).isZero();
  }

  @Test
  void shouldKeepTheStateOfTheLastEventUntilTheWindowEndsWhenJobsAreStillInWork() {
    // given a job still working when the window ends (a repeat that timed out)
    SlotTimeline timeline = new SlotTimeline(2);
    timeline.activated(0);
    timeline.started(0);

    // when
    SlotUse use = timeline.slotUse(0, 100 * MS, 0, 1);

    // then one slot worked, the other stayed empty after the last activation
    assertThat(use.working()).isCloseTo(0.5, within(1e-9));
    assertThat(use.other()).isCloseTo(0.5, within(1e-9));
  }

  @Test
  void shouldBeNotMeasuredWhenTheWindowIsEmpty() {
    assertThat(new SlotTimeline(2).slotUse(5, 5, -1, 0)).isEqualTo(SlotUse.NOT_MEASURED);
  }

  @Test
  void shouldMatchEachRunsOwnWorkTimeWhenManyThreadsReportAtOnce() throws Exception {
    // given 4 threads on 4 slots, each running 500 jobs back to back on the real clock, each job
    // working at least 50 microseconds; the test sums each run's own work time
    int threads = 4;
    int jobs = 500;
    SlotTimeline timeline = new SlotTimeline(threads);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<Long>> futures = new ArrayList<>();
    long windowStart = System.nanoTime();

    // when
    for (int t = 0; t < threads; t++) {
      futures.add(
          pool.submit(
              () -> {
                go.await();
                long worked = 0;
                for (int job = 0; job < jobs; job++) {
                  timeline.activated(System.nanoTime());
                  long started = System.nanoTime();
                  timeline.started(started);
                  long finished = started;
                  while (finished - started < 50_000) {
                    finished = System.nanoTime();
                  }
                  timeline.finished(finished);
                  timeline.acknowledged(System.nanoTime());
                  worked += finished - started;
                }
                return worked;
              }));
    }
    go.countDown();
    long worked = 0;
    for (Future<Long> future : futures) {
      worked += future.get();
    }
    pool.shutdown();
    SlotUse use = timeline.slotUse(windowStart, System.nanoTime(), windowStart, (long) threads * jobs);

    // then the parts sum to 1 and the work per run is what the runs measured themselves: threads
    // race only where their clock readings overlap, and the times telescope
    assertThat(sum(use)).isCloseTo(1.0, within(1e-9));
    double ownWorkPerRun = worked / 1e9 / (threads * jobs);
    assertThat(use.workPerRunSeconds()).isCloseTo(ownWorkPerRun, within(ownWorkPerRun * 0.1));
  }
}
