package io.github.workerbench.core.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.github.workerbench.model.scenario.IdealTime;
import io.github.workerbench.model.scenario.WorkloadKind;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class WorkloadTest {

  private static final Duration SHORT = Duration.ofMillis(30);

  private ScheduledExecutorService loop;
  private ExecutorService io;
  private AsyncContext context;
  private DownstreamService downstream;

  @BeforeEach
  void startExecutors() {
    loop = Executors.newSingleThreadScheduledExecutor();
    io = Executors.newCachedThreadPool();
    context = new AsyncContext(loop, io);
    downstream = DownstreamService.start();
  }

  @AfterEach
  void stopExecutors() {
    loop.shutdownNow();
    io.shutdownNow();
    downstream.close();
  }

  /** Measured on this machine, so a cpu job's iterations take about their duration here. */
  private static final CpuCalibration CALIBRATION = CpuCalibration.lazy();

  @ParameterizedTest
  @EnumSource(WorkloadKind.class)
  void shouldTakeItsWorkDurationWhenRunBlocking(WorkloadKind kind) throws Exception {
    // given
    Workload workload = Workload.of(kind, CALIBRATION, downstream.uri());
    CALIBRATION.iterationsPerSecond();
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long cpuStart = threads.getCurrentThreadCpuTime();
    long start = System.nanoTime();

    // when
    workload.run(SHORT);

    // then: timed work lasted what the ideal time counts for one job (3 × d / 10 for the
    // threaded child, whose threads sleep that long); cpu work spent its calibrated
    // iterations on this thread's CPU, not waiting (half of it allows for a noisy machine)
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    double jobSeconds = IdealTime.jobSeconds(kind, SHORT.toNanos() / 1e9);
    assertThat(workload.kind()).isEqualTo(kind);
    if (kind != WorkloadKind.CPU) {
      assertThat(took.toNanos() / 1e9).as("wall time of %s", kind.id()).isGreaterThanOrEqualTo(jobSeconds);
    } else {
      long cpuNanos = threads.getCurrentThreadCpuTime() - cpuStart;
      assertThat(cpuNanos).as("CPU time of the cpu work").isGreaterThanOrEqualTo(SHORT.toNanos() / 2);
    }
  }

  @ParameterizedTest
  @EnumSource(WorkloadKind.class)
  void shouldCompleteNormallyWhenRunAsync(WorkloadKind kind) {
    // given
    Workload workload = Workload.of(kind, CpuCalibration.fixed(50_000_000), downstream.uri());

    // when
    CompletableFuture<Void> done = workload.runAsync(SHORT, context);

    // then
    await("the " + kind.id() + " work to end").atMost(Duration.ofSeconds(20)).until(done::isDone);
    assertThat(done).isCompleted();
  }

  @Test
  void shouldHintCpuBoundOnlyForCpuWork() {
    for (WorkloadKind kind : WorkloadKind.values()) {
      assertThat(Workload.of(kind, CpuCalibration.fixed(1), downstream.uri()).cpuBound())
          .isEqualTo(kind == WorkloadKind.CPU);
    }
  }

  @Test
  void shouldRemoveTempFileWhenIoWorkEnds(@TempDir Path dir) throws Exception {
    // given
    FileIoWorkload workload = new FileIoWorkload(dir, System::nanoTime);

    // when
    workload.run(Duration.ofMillis(1));
    CompletableFuture<Void> async = workload.runAsync(Duration.ofMillis(1), context);
    await("the async io to end").atMost(Duration.ofSeconds(20)).until(async::isDone);

    // then
    assertThat(async).isCompleted();
    try (Stream<Path> left = Files.list(dir)) {
      assertThat(left).isEmpty();
    }
  }

  @Test
  void shouldRunAtLeastOneRoundWhenDurationIsZero(@TempDir Path dir) throws Exception {
    // given: a clock that counts calls shows the loop checked the deadline after a full round
    long[] calls = {0};
    FileIoWorkload workload = new FileIoWorkload(dir, () -> calls[0]++);

    // when
    workload.run(Duration.ZERO);

    // then
    assertThat(calls[0]).isEqualTo(2);
  }

  @Test
  void shouldFailWhenThreadedChildExitsNonZero() {
    // given: an extra argument makes the child refuse its arguments and exit 2
    ThreadedSubprocessWorkload workload = new ThreadedSubprocessWorkload(List.of("unexpected"));

    // when / then
    assertThatThrownBy(() -> workload.run(SHORT))
        .isInstanceOf(WorkFailedException.class)
        .hasMessageContaining("exited with 2");
    CompletableFuture<Void> async = workload.runAsync(SHORT, context);
    await("the failing child to exit").atMost(Duration.ofSeconds(20)).until(async::isDone);
    assertThat(async).isCompletedExceptionally();
  }

  @Test
  void shouldNotBlockTheLoopWhenSleepingAsync() throws Exception {
    // given
    Workload workload = new SleepWorkload();

    // when: the loop schedules a long sleep, then must still run another task at once
    CompletableFuture<Void> sleeping = loop.submit(() -> workload.runAsync(Duration.ofSeconds(30), context)).get();
    boolean loopFree = loop.submit(() -> true).get(5, TimeUnit.SECONDS);

    // then
    assertThat(loopFree).isTrue();
    assertThat(sleeping).isNotDone();
  }

  @Test
  void shouldEndAtOnceWhateverTheDurationWhenTheWorkIsNoOp() throws Exception {
    // given
    Workload workload = new NoOpWorkload();
    long start = System.nanoTime();

    // when a job of an hour runs blocking and non-blocking
    workload.run(Duration.ofHours(1));
    CompletableFuture<Void> async = workload.runAsync(Duration.ofHours(1), context);

    // then both ended at once, and the work is no cpu work
    assertThat(async).isCompleted();
    assertThat(System.nanoTime() - start).isLessThan(Duration.ofSeconds(5).toNanos());
    assertThat(workload.cpuBound()).isFalse();
  }
}
