package io.github.workerbench.core.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.workerbench.core.workload.CpuCalibration;
import io.github.workerbench.core.workload.FailureSchedule;
import io.github.workerbench.core.workload.WorkDurations;
import io.github.workerbench.core.workload.Workload;
import io.github.workerbench.model.scenario.StrategyKind;
import io.github.workerbench.model.scenario.WorkloadKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ExecutionStrategyTest {

  private static final int JOBS = 12;
  private static final int MAX_IN_WORK = 3;
  private static final Duration WORK = Duration.ofMillis(25);

  static Stream<Arguments> strategies() {
    return Stream.of(StrategyKind.values())
        .flatMap(kind -> Stream.of(WorkloadKind.SLEEP, WorkloadKind.CPU).map(w -> Arguments.of(kind, w)));
  }

  @ParameterizedTest(name = "{0} with {1}")
  @MethodSource("strategies")
  void shouldCompleteEveryJobOnceWithinTheBoundWhenJobsFlood(StrategyKind kind, WorkloadKind workload) {
    // given
    RecordingObserver observer = new RecordingObserver();
    TestJobs.RecordingReporter reporter = new TestJobs.RecordingReporter();
    JobExecution execution = execution(workload, observer, reporter, FailureSchedule.none());

    // when
    try (ExecutionStrategy strategy = strategy(kind, execution)) {
      List<CompletableFuture<Void>> ended = new ArrayList<>();
      for (long key = 1; key <= JOBS; key++) {
        ended.add(strategy.submit(TestJobs.job(key), System.nanoTime()));
      }
      await("every job to end")
          .atMost(Duration.ofSeconds(30))
          .until(() -> ended.stream().allMatch(CompletableFuture::isDone));

      // then
      assertThat(ended).allSatisfy(f -> assertThat(f).isCompleted());
      assertThat(observer.completedJobs()).isEqualTo(JOBS);
      assertThat(observer.everyJobCompletedOnce()).isTrue();
      assertThat(reporter.completed).hasSize(JOBS).doesNotHaveDuplicates();
      // waiting work reaches the bound (a strategy running one job at a time fails here); cpu
      // work never passes it, but how much runs at once is capped by the threads computing it
      // (the event loop's one, virtual threads' carriers, the machine's cores)
      if (workload == WorkloadKind.SLEEP) {
        assertThat(observer.peakInWork()).as("peak jobs in work").isEqualTo(MAX_IN_WORK);
      } else if (kind == StrategyKind.ASYNC) {
        assertThat(observer.peakInWork()).as("peak jobs in work on the loop").isEqualTo(1);
      } else {
        assertThat(observer.peakInWork()).as("peak jobs in work").isBetween(1, MAX_IN_WORK);
      }
    }
  }

  @Test
  void shouldStartEveryPoolThreadBeforeAnyJobWhenTheThreadStrategyIsCreated() {
    // given
    JobExecution execution =
        execution(
            WorkloadKind.SLEEP,
            new RecordingObserver(),
            new TestJobs.RecordingReporter(),
            FailureSchedule.none());

    // when
    try (ThreadPoolStrategy strategy =
        new ThreadPoolStrategy(
            execution, execution.workload()::run, 3, Duration.ofSeconds(5), "wb-prestart-")) {

      // then the threads exist with no job submitted, and their start counts as start-up
      assertThat(
              Thread.getAllStackTraces().keySet().stream()
                  .filter(thread -> thread.getName().startsWith("wb-prestart-"))
                  .filter(Thread::isAlive)
                  .count())
          .isEqualTo(3);
      assertThat(strategy.startupTime()).isPositive();
    }
  }

  @Test
  void shouldFailJobsWithOneRetryFewerWhenFailureRateIsOne() {
    // given
    RecordingObserver observer = new RecordingObserver();
    TestJobs.RecordingReporter reporter = new TestJobs.RecordingReporter();
    JobExecution execution =
        execution(WorkloadKind.SLEEP, observer, reporter, FailureSchedule.of(1, 1));

    // when
    try (ExecutionStrategy strategy = new ThreadPoolStrategy(execution, 2, Duration.ofSeconds(5))) {
      CompletableFuture<Void> a = strategy.submit(TestJobs.job(1), System.nanoTime());
      CompletableFuture<Void> b = strategy.submit(TestJobs.job(2), System.nanoTime());
      await("both jobs to end").atMost(Duration.ofSeconds(10)).until(() -> a.isDone() && b.isDone());
    }

    // then
    assertThat(reporter.failed).containsExactlyInAnyOrder(1L, 2L);
    assertThat(reporter.completed).isEmpty();
    assertThat(observer.retriesLeft).containsEntry(1L, 2).containsEntry(2L, 2);
  }

  @Test
  void shouldFailTheJobAndGoOnWhenAChildJvmDiesMidJob() {
    // given
    RecordingObserver observer = new RecordingObserver();
    TestJobs.RecordingReporter reporter = new TestJobs.RecordingReporter();
    JobExecution execution =
        execution(WorkloadKind.SLEEP, observer, reporter, FailureSchedule.none());
    try (ProcessPoolStrategy strategy =
        new ProcessPoolStrategy(
            execution, WorkloadKind.SLEEP, 1, CpuCalibration.fixed(1_000_000), Duration.ofSeconds(5))) {
      ProcessHandle child = strategy.children().get(0);
      child.destroyForcibly();
      await("the child to die").atMost(Duration.ofSeconds(10)).until(() -> !child.isAlive());

      // when
      CompletableFuture<Void> first = strategy.submit(TestJobs.job(1), System.nanoTime());
      CompletableFuture<Void> second = strategy.submit(TestJobs.job(2), System.nanoTime());
      await("both jobs to end").atMost(Duration.ofSeconds(30)).until(() -> first.isDone() && second.isDone());

      // then
      assertThat(reporter.failed).containsExactly(1L);
      assertThat(observer.retriesLeft).containsEntry(1L, 2);
      assertThat(reporter.completed).containsExactly(2L);
      assertThat(strategy.startupTime()).isPositive();
    }
  }

  @Test
  void shouldResolveAutoFromTheWorkloadHint() {
    // given
    JobExecution cpu =
        execution(WorkloadKind.CPU, new RecordingObserver(), new TestJobs.RecordingReporter(), FailureSchedule.none());
    JobExecution io =
        execution(WorkloadKind.IO, new RecordingObserver(), new TestJobs.RecordingReporter(), FailureSchedule.none());

    // when
    try (AutoStrategy cpuAuto = new AutoStrategy(cpu, 8, 2, Duration.ofSeconds(1));
        AutoStrategy ioAuto = new AutoStrategy(io, 8, 2, Duration.ofSeconds(1))) {

      // then
      assertThat(cpuAuto.id()).isEqualTo("thread");
      assertThat(cpuAuto.maxJobsInWork()).isEqualTo(2);
      assertThat(ioAuto.id()).isEqualTo("virtual");
      assertThat(ioAuto.maxJobsInWork()).isEqualTo(8);
    }
  }

  @Test
  void shouldAbandonQueuedJobsWhenClosedBeforeTheyRun() {
    // given: one slot, a long job in it, and one queued behind it
    RecordingObserver observer = new RecordingObserver();
    JobExecution execution =
        new JobExecution(
            Workload.of(WorkloadKind.SLEEP, CpuCalibration.fixed(1)),
            new TestJobs.RecordingReporter(),
            observer,
            System::nanoTime,
            WorkDurations.balanced(1, Duration.ofSeconds(30), 0, 1),
            FailureSchedule.none());
    EventLoopStrategy strategy = new EventLoopStrategy(execution, 1, Duration.ofMillis(50));
    CompletableFuture<Void> running = strategy.submit(TestJobs.job(1), System.nanoTime());
    CompletableFuture<Void> queued = strategy.submit(TestJobs.job(2), System.nanoTime());

    // when
    strategy.close();

    // then
    assertThat(running).isCompletedExceptionally();
    assertThat(queued).isCompletedExceptionally();
    assertThat(observer.peakInWork()).isEqualTo(1);
  }

  private static JobExecution execution(
      WorkloadKind workload,
      RecordingObserver observer,
      JobReporter reporter,
      FailureSchedule failures) {
    return new JobExecution(
        Workload.of(workload, CpuCalibration.fixed(20_000_000)),
        reporter,
        observer,
        System::nanoTime,
        WorkDurations.balanced(JOBS, WORK, 0.5, WorkDurations.DEFAULT_SEED),
        failures);
  }

  private static ExecutionStrategy strategy(StrategyKind kind, JobExecution execution) {
    Duration grace = Duration.ofSeconds(5);
    return switch (kind) {
      case ASYNC -> new EventLoopStrategy(execution, MAX_IN_WORK, grace);
      case THREAD -> new ThreadPoolStrategy(execution, MAX_IN_WORK, grace);
      case VIRTUAL -> new VirtualThreadStrategy(execution, MAX_IN_WORK, grace);
      case PROCESS ->
          new ProcessPoolStrategy(
              execution, execution.workload().kind(), MAX_IN_WORK, CpuCalibration.fixed(20_000_000), grace);
      case AUTO -> new AutoStrategy(execution, MAX_IN_WORK, MAX_IN_WORK, grace);
    };
  }
}
