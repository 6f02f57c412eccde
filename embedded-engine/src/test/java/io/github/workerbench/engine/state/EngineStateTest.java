package io.github.workerbench.engine.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.github.workerbench.engine.EngineCounters;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** State transitions of the shared engine state, with time driven by hand. */
class EngineStateTest {

  private static final String TYPE = "work";
  private static final long NO_PARKING = -1;

  private final AtomicLong clock = new AtomicLong(1_000_000);
  private final ManualTimers timers = new ManualTimers(clock);
  private final EngineState state = new EngineState(timers, clock::get);

  @BeforeEach
  void deploy() {
    byte[] bpmn =
        Bpmn.convertToString(
                Bpmn.createExecutableProcess("p")
                    .startEvent()
                    .serviceTask("task", t -> t.zeebeJobType(TYPE).zeebeJobRetries("3"))
                    .endEvent()
                    .done())
            .getBytes(StandardCharsets.UTF_8);
    state.deploy(List.of(new DeploymentResource("p.bpmn", bpmn)));
  }

  private long createInstance() {
    return state.createInstance(0, "p", -1, Map.of("n", 1)).processInstanceKey();
  }

  private static ActivationRequest request(long timeoutMillis) {
    return new ActivationRequest(TYPE, "tester", timeoutMillis, 10, List.of());
  }

  /** An immediate (non-parking) poll: the jobs activatable right now. */
  private List<ActivatedJobData> poll(long timeoutMillis) {
    RecordingReceiver receiver = new RecordingReceiver();
    state.activate(request(timeoutMillis), NO_PARKING, receiver);
    return receiver.jobs();
  }

  private ProcessInstanceView instance(long key) {
    return state.searchInstances(key, null).get(0);
  }

  @Test
  void shouldCompleteInstanceAndMergeVariablesWhenJobCompleted() {
    // given
    long instanceKey = createInstance();
    ActivatedJobData job = poll(60_000).get(0);

    // when
    state.complete(job.key(), Map.of("result", "ok"));

    // then
    ProcessInstanceView view = instance(instanceKey);
    assertThat(view.state()).isEqualTo(InstanceState.COMPLETED);
    assertThat(view.variables()).containsEntry("n", 1).containsEntry("result", "ok");
    EngineCounters counters = state.counters();
    assertThat(counters.jobsActivated()).isEqualTo(1);
    assertThat(counters.jobsCompleted()).isEqualTo(1);
    assertThat(counters.processInstancesCompleted()).isEqualTo(1);
  }

  @Test
  void shouldActivateAgainOnlyAfterBackOffWhenFailedWithRetriesLeft() {
    // given
    createInstance();
    ActivatedJobData job = poll(60_000).get(0);

    // when
    state.fail(job.key(), 2, "boom", 1_000, Map.of());

    // then
    assertThat(poll(60_000)).isEmpty();
    timers.advance(999);
    assertThat(poll(60_000)).isEmpty();
    timers.advance(1);
    List<ActivatedJobData> again = poll(60_000);
    assertThat(again).extracting(ActivatedJobData::key).containsExactly(job.key());
    assertThat(again.get(0).retries()).isEqualTo(2);
  }

  @Test
  void shouldRaiseIncidentAndNeverActivateAgainWhenFailedWithNoRetries() {
    // given
    long instanceKey = createInstance();
    ActivatedJobData job = poll(60_000).get(0);

    // when
    state.fail(job.key(), 0, "boom", 1_000, Map.of());
    timers.advance(3_600_000);

    // then
    assertThat(poll(60_000)).isEmpty();
    assertThat(state.counters().incidents()).isEqualTo(1);
    assertThat(instance(instanceKey).hasIncident()).isTrue();
    assertCompletionRejected(job, RejectionType.INVALID_STATE);
  }

  @Test
  void shouldRaiseIncidentWhenErrorThrown() {
    // given
    long instanceKey = createInstance();
    ActivatedJobData job = poll(60_000).get(0);

    // when
    state.throwError(job.key(), "NO_STOCK", "none left");

    // then
    assertThat(state.counters().incidents()).isEqualTo(1);
    assertThat(instance(instanceKey).hasIncident()).isTrue();
    assertThat(poll(60_000)).isEmpty();
  }

  @Test
  void shouldActivateAgainWhenActivationTimedOut() {
    // given
    createInstance();
    ActivatedJobData job = poll(1_000).get(0);

    // when / then
    timers.advance(999);
    assertThat(poll(1_000)).isEmpty();
    timers.advance(1);
    assertThat(poll(1_000)).extracting(ActivatedJobData::key).containsExactly(job.key());
    assertThat(state.counters().jobsTimedOut()).isEqualTo(1);
  }

  @Test
  void shouldTimeOutAtNewDeadlineWhenTimeoutUpdated() {
    // given
    createInstance();
    ActivatedJobData job = poll(1_000).get(0);

    // when
    state.updateTimeout(job.key(), 5_000);

    // then
    timers.advance(1_000);
    assertThat(poll(60_000)).isEmpty();
    timers.advance(4_000);
    assertThat(poll(60_000)).extracting(ActivatedJobData::key).containsExactly(job.key());
  }

  @Test
  void shouldAcceptLateCompletionOnceWhenJobTimedOut() {
    // given a job whose activation timed out (Zeebe completes a job that is activatable again)
    long instanceKey = createInstance();
    ActivatedJobData job = poll(1_000).get(0);
    timers.advance(1_000);

    // when
    state.complete(job.key(), Map.of());

    // then
    assertThat(instance(instanceKey).state()).isEqualTo(InstanceState.COMPLETED);
    assertThat(poll(60_000)).isEmpty();
    assertCompletionRejected(job, RejectionType.NOT_FOUND);
  }

  @Test
  void shouldAcceptLateCompletionWhenJobWasReactivatedByAnotherWorker() {
    // given the job timed out and a second worker holds it now
    long instanceKey = createInstance();
    ActivatedJobData first = poll(1_000).get(0);
    timers.advance(1_000);
    ActivatedJobData second = poll(60_000).get(0);

    // when the first worker completes late
    state.complete(first.key(), Map.of());

    // then the job is done once; the second worker's completion finds nothing
    assertThat(second.key()).isEqualTo(first.key());
    assertThat(instance(instanceKey).state()).isEqualTo(InstanceState.COMPLETED);
    assertCompletionRejected(second, RejectionType.NOT_FOUND);
    assertThat(state.counters().jobsCompleted()).isEqualTo(1);
  }

  @Test
  void shouldRejectWithNotFoundWhenJobCompletedTwice() {
    // given
    createInstance();
    ActivatedJobData job = poll(60_000).get(0);
    state.complete(job.key(), Map.of());

    // when / then
    assertCompletionRejected(job, RejectionType.NOT_FOUND);
  }

  @Test
  void shouldAnswerParkedPollEmptyWhenRequestTimeoutPasses() {
    // given
    RecordingReceiver parked = new RecordingReceiver();
    state.activate(request(60_000), 500, parked);

    // when
    timers.advance(499);
    assertThat(parked.answers).isEmpty();
    timers.advance(1);

    // then
    assertThat(parked.answers).containsExactly(List.of());
  }

  @Test
  void shouldHandJobToLivePollWhenParkedPollsCallerIsGone() {
    // given a parked poll whose caller went away, and a live one parked after it
    RecordingReceiver gone = new RecordingReceiver();
    state.activate(request(60_000), 10_000, gone);
    gone.alive = false;
    RecordingReceiver live = new RecordingReceiver();
    state.activate(request(60_000), 10_000, live);

    // when
    createInstance();

    // then
    assertThat(gone.answers).isEmpty();
    assertThat(live.jobs()).hasSize(1);
  }

  @Test
  void shouldNeverHandJobsToPollCancelledByItsTransport() {
    // given
    RecordingReceiver receiver = new RecordingReceiver();
    EngineState.PollRegistration poll = state.activate(request(60_000), 10_000, receiver);

    // when
    state.cancel(poll);
    createInstance();

    // then
    assertThat(receiver.answers).isEmpty();
    assertThat(poll(60_000)).hasSize(1);
  }

  @Test
  void shouldMakeJobsActivatableAtOnceWhenDeliveryFailsAfterBeingAccepted() {
    // given a poll that took a job, whose write then failed
    createInstance();
    RecordingReceiver receiver = new RecordingReceiver();
    state.activate(request(60_000), NO_PARKING, receiver);
    ActivatedJobData job = receiver.jobs().get(0);

    // when
    receiver.undelivered.get(0).run();

    // then
    assertThat(poll(60_000)).extracting(ActivatedJobData::key).containsExactly(job.key());
    assertThat(state.counters().jobsReturned()).isEqualTo(1);
  }

  @Test
  void shouldPushToStreamOnlyWhenItReportsReady() {
    // given a stream whose transport buffer is full
    RecordingReceiver stream = new RecordingReceiver();
    stream.ready = false;
    EngineState.StreamRegistration registration = state.openStream(request(60_000), stream);
    createInstance();
    assertThat(stream.answers).isEmpty();

    // when
    stream.ready = true;
    state.streamReady(registration);

    // then
    assertThat(stream.jobs()).hasSize(1);
  }

  @Test
  void shouldLeaveJobsToPollsWhileStreamIsNotReady() {
    // given
    RecordingReceiver stream = new RecordingReceiver();
    stream.ready = false;
    state.openStream(request(60_000), stream);

    // when
    createInstance();

    // then
    assertThat(poll(60_000)).hasSize(1);
    assertThat(stream.answers).isEmpty();
  }

  @Test
  void shouldMakeStreamsJobsActivatableWhenStreamCloses() {
    // given
    RecordingReceiver stream = new RecordingReceiver();
    EngineState.StreamRegistration registration = state.openStream(request(60_000), stream);
    createInstance();
    createInstance();
    assertThat(stream.jobs()).hasSize(2);

    // when
    state.closeStream(registration);

    // then
    assertThat(poll(60_000)).hasSize(2);
    assertThat(state.counters().jobsReturned()).isEqualTo(2);
  }

  @Test
  void shouldPushEveryWaitingJobWhenStreamOpensOnLongQueue() {
    // given more jobs than one dispatch pass pushes
    for (int i = 0; i < 600; i++) {
      createInstance();
    }
    RecordingReceiver stream = new RecordingReceiver();

    // when
    state.openStream(request(60_000), stream);

    // then
    assertThat(stream.jobs()).hasSize(600).doesNotHaveDuplicates();
  }

  @Test
  void shouldKeepNoTimersWhenEveryActivatedJobIsCompleted() {
    // given
    for (int i = 0; i < 3; i++) {
      createInstance();
    }

    // when
    poll(60_000).forEach(job -> state.complete(job.key(), Map.of()));
    timers.advance(60_000);

    // then the one deadline sweep ran without timing anything out, and nothing is left scheduled
    assertThat(state.counters().jobsTimedOut()).isZero();
    assertThat(timers.pendingCount()).isZero();
  }

  /** Records what the engine hands over; alive and ready until a test says otherwise. */
  private static final class RecordingReceiver implements JobReceiver {
    final List<List<ActivatedJobData>> answers = new CopyOnWriteArrayList<>();
    final List<Runnable> undelivered = new CopyOnWriteArrayList<>();
    volatile boolean alive = true;
    volatile boolean ready = true;

    @Override
    public boolean isAlive() {
      return alive;
    }

    @Override
    public boolean isReady() {
      return ready;
    }

    @Override
    public boolean deliver(List<ActivatedJobData> jobs, Runnable onUndelivered) {
      if (!alive) {
        return false;
      }
      answers.add(jobs);
      undelivered.add(onUndelivered);
      return true;
    }

    List<ActivatedJobData> jobs() {
      List<ActivatedJobData> all = new ArrayList<>();
      answers.forEach(all::addAll);
      return all;
    }
  }

  /** Completing {@code job} now is rejected with {@code type}. */
  private void assertCompletionRejected(ActivatedJobData job, RejectionType type) {
    assertThatThrownBy(() -> state.complete(job.key(), Map.of()))
        .isInstanceOfSatisfying(CommandRejectedException.class, e -> assertThat(e.type()).isEqualTo(type));
  }
}
