package io.github.workerbench.engine.state;

import io.github.workerbench.engine.state.EngineState.PollRegistration;
import io.github.workerbench.engine.state.EngineState.StreamRegistration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands activatable jobs to the transports: per job type a FIFO queue, its parked polls and its
 * open streams ({@link TypeQueue}).
 *
 * <p>A job becoming activatable is pushed to the type's open streams that are ready for more
 * (round-robin, one job per turn, each stream's share sent as one delivery), else handed to the
 * oldest parked poll whose caller is still there. A stream whose transport buffer is full is
 * skipped until it reports ready again, so jobs never pile up in a slow stream's buffer while
 * others could take them. Activating a job enters its deadline into {@link Deadlines}; every way a
 * job becomes activatable again (timeout, retry back-off, a failed delivery, a closed stream) comes
 * through {@link #makeActivatable}.
 *
 * <p>Everything but the timer callbacks and {@link #deliver} runs under the {@link EngineState}
 * lock, which those take themselves. Deliveries run outside it; jobs a receiver could not take are
 * made activatable again at once.
 */
final class JobDispatch {

  private static final Logger LOG = LoggerFactory.getLogger("workerbench.engine");

  /**
   * Jobs one dispatch pass pushes to streams before handing the rest to a fresh pass outside the
   * lock, so one burst (a stream opening onto a full queue) never holds the lock for long.
   */
  private static final int STREAM_BATCH = 256;

  private final Object lock;
  private final Timers timers;
  private final LongSupplier clock;
  private final Counters counters;
  private final Deadlines deadlines;
  private final Map<String, TypeQueue> queues = new HashMap<>();
  private boolean closed;

  JobDispatch(Object lock, Timers timers, LongSupplier clock, Counters counters) {
    this.lock = lock;
    this.timers = timers;
    this.clock = clock;
    this.counters = counters;
    this.deadlines = new Deadlines(timers, clock, this::sweep);
  }

  /** Makes a job activatable (leaving whatever activation it had) and dispatches its type. */
  void makeActivatable(Job job, Outbox out) {
    leaveActivation(job);
    job.state = JobState.ACTIVATABLE;
    job.worker = "";
    job.deadline = 0;
    TypeQueue queue = queue(job.task.jobType());
    if (!job.queued) {
      job.queued = true;
      queue.activatable.add(job);
    }
    dispatch(queue, out);
  }

  /** Ends the current activation's bookkeeping: its deadline, back-off and its stream's claim. */
  void leaveActivation(Job job) {
    deadlines.untime(job);
    if (job.backOff != null) {
      job.backOff.cancel();
      job.backOff = null;
    }
    if (job.stream != null) {
      job.stream.held.remove(job);
      job.stream = null;
    }
  }

  /** Gives an activated job a new deadline {@code timeoutMillis} from now. */
  void extend(Job job, long timeoutMillis) {
    deadlines.untime(job);
    job.deadline = clock.getAsLong() + timeoutMillis;
    deadlines.time(job);
  }

  /**
   * Answers a poll at once with the jobs available (or none, when it may not park or the engine
   * is closed), else parks it for {@code parkMillis}.
   */
  void poll(PollRegistration poll, long parkMillis, Outbox out) {
    TypeQueue queue = queue(poll.request.type());
    List<Job> taken = queue.take(poll.request.maxJobs());
    if (!taken.isEmpty() || parkMillis < 0 || closed) {
      poll.done = true;
      activateAll(taken, poll.request, poll.receiver, null, out);
    } else {
      queue.polls.add(poll);
      poll.expiry = timers.schedule(() -> expire(poll), parkMillis);
    }
  }

  /**
   * Takes a parked poll out of its queue. Idempotent.
   *
   * @return false when it had been answered or taken out already
   */
  boolean unpark(PollRegistration poll) {
    if (poll.done) {
      return false;
    }
    queue(poll.request.type()).polls.remove(poll);
    unparked(poll);
    return true;
  }

  /** Adds a stream to its type and pushes what waits; a closed engine closes it at once. */
  void open(StreamRegistration stream, Outbox out) {
    if (closed) {
      stream.closed = true;
      return;
    }
    TypeQueue queue = queue(stream.request.type());
    queue.streams.add(stream);
    dispatch(queue, out);
  }

  /** Pushes what waits for a stream's type, if anything does. */
  void ready(StreamRegistration stream, Outbox out) {
    if (stream.closed) {
      return;
    }
    TypeQueue queue = queue(stream.request.type());
    if (!queue.activatable.isEmpty()) {
      dispatch(queue, out);
    }
  }

  /** Removes a stream; its activated, unfinished jobs become activatable again. */
  void close(StreamRegistration stream, Outbox out) {
    if (stream.closed) {
      return;
    }
    stream.closed = true;
    queue(stream.request.type()).streams.remove(stream);
    for (Job job : new ArrayList<>(stream.held)) {
      if (job.state == JobState.ACTIVATED && !job.removed) {
        counters.jobsReturned++;
        makeActivatable(job, out);
      }
    }
    stream.held.clear();
  }

  /** Refuses new parking and streams; returns the polls that were parked, now taken out. */
  List<PollRegistration> close() {
    List<PollRegistration> parked = new ArrayList<>();
    if (closed) {
      return parked;
    }
    closed = true;
    for (TypeQueue queue : queues.values()) {
      for (PollRegistration poll : queue.polls) {
        unparked(poll);
        parked.add(poll);
      }
      queue.polls.clear();
    }
    return parked;
  }

  private TypeQueue queue(String type) {
    return queues.computeIfAbsent(type, t -> new TypeQueue());
  }

  /**
   * Hands the type's activatable jobs to its ready streams (round-robin, one job per turn, each
   * stream's share sent as one delivery), else to its oldest live parked polls.
   */
  private void dispatch(TypeQueue queue, Outbox out) {
    if (!queue.streams.isEmpty()) {
      Map<StreamRegistration, List<Job>> pushed = null;
      // a stream reporting not ready stops taking jobs for this round: at most this many turns
      int budget = STREAM_BATCH;
      while (budget-- > 0 && !queue.activatable.isEmpty()) {
        StreamRegistration stream = queue.nextReadyStream();
        if (stream == null) {
          break;
        }
        List<Job> one = queue.take(1);
        if (one.isEmpty()) {
          break;
        }
        if (pushed == null) {
          pushed = new IdentityHashMap<>();
        }
        pushed.computeIfAbsent(stream, s -> new ArrayList<>()).add(one.get(0));
      }
      if (pushed != null) {
        pushed.forEach((stream, jobs) -> activateAll(jobs, stream.request, stream.receiver, stream, out));
      }
      if (budget < 0 && !queue.activatable.isEmpty() && queue.nextReadyStream() != null) {
        // more than one round's worth: the rest goes out from the delivering thread's next pass
        out.later(() -> redispatch(queue));
        return;
      }
    }
    while (!queue.activatable.isEmpty()) {
      PollRegistration poll = queue.polls.peek();
      if (poll == null) {
        return;
      }
      if (poll.done || !poll.receiver.isAlive()) {
        queue.polls.poll();
        unparked(poll);
        continue;
      }
      List<Job> taken = queue.take(poll.request.maxJobs());
      if (taken.isEmpty()) {
        return;
      }
      queue.polls.poll();
      unparked(poll);
      activateAll(taken, poll.request, poll.receiver, null, out);
    }
  }

  /** A poll taken off its queue: answered or forgotten, so its expiry must not fire. */
  private static void unparked(PollRegistration poll) {
    poll.done = true;
    if (poll.expiry != null) {
      poll.expiry.cancel();
    }
  }

  private void activateAll(
      List<Job> taken, ActivationRequest request, JobReceiver receiver, StreamRegistration stream, Outbox out) {
    long now = clock.getAsLong();
    List<ActivatedJobData> data = new ArrayList<>(taken.size());
    long[] activations = new long[taken.size()];
    for (int i = 0; i < taken.size(); i++) {
      Job job = taken.get(i);
      job.state = JobState.ACTIVATED;
      job.activation++;
      job.worker = request.worker();
      job.deadline = now + request.timeoutMillis();
      deadlines.time(job);
      if (stream != null) {
        job.stream = stream;
        stream.held.add(job);
      }
      activations[i] = job.activation;
      counters.jobsActivated++;
      data.add(job.snapshot(request.fetchVariables()));
    }
    out.add(receiver, taken, activations, data);
  }

  /**
   * Runs an outbox's deliveries, without the lock; jobs a receiver could not take are put back at
   * once. This and the timer callbacks below take the lock themselves.
   */
  void deliver(Outbox out) {
    List<Outbox.Delivery> deliveries = out.drain();
    while (!deliveries.isEmpty()) {
      Outbox retry = new Outbox();
      for (Outbox.Delivery delivery : deliveries) {
        if (delivery.action() != null) {
          delivery.action().run();
          continue;
        }
        boolean ok;
        try {
          ok = delivery.receiver().deliver(delivery.data(), () -> giveBack(delivery));
        } catch (RuntimeException e) {
          LOG.debug("delivery failed", e);
          ok = false;
        }
        if (!ok) {
          takeBack(delivery, retry);
        }
      }
      deliveries = retry.drain();
    }
  }

  /** Retry back-off over: the job is activatable again unless it moved on meanwhile. */
  void recur(Job job, long activation) {
    Outbox out = new Outbox();
    synchronized (lock) {
      if (job.removed || job.state != JobState.FAILED || job.activation != activation || job.retries <= 0) {
        return;
      }
      job.backOff = null;
      makeActivatable(job, out);
    }
    deliver(out);
  }

  /** A parked poll's request timeout passed: it gets an empty answer. */
  private void expire(PollRegistration poll) {
    synchronized (lock) {
      if (!unpark(poll)) {
        return;
      }
    }
    poll.receiver.deliver(List.of(), () -> {});
  }

  /** Times out every activation whose deadline has passed; the deadlines re-arm for the next. */
  private void sweep(long generation) {
    Outbox out = new Outbox();
    synchronized (lock) {
      for (Job job : deadlines.takeDue(generation, !closed)) {
        counters.jobsTimedOut++;
        LOG.debug("job {} timed out (worker '{}')", job.key, job.worker);
        makeActivatable(job, out);
      }
    }
    deliver(out);
  }

  private void redispatch(TypeQueue queue) {
    Outbox out = new Outbox();
    synchronized (lock) {
      dispatch(queue, out);
    }
    deliver(out);
  }

  /** A delivery that failed after its receiver accepted it: its jobs are activatable again. */
  private void giveBack(Outbox.Delivery delivery) {
    Outbox out = new Outbox();
    takeBack(delivery, out);
    deliver(out);
  }

  private void takeBack(Outbox.Delivery delivery, Outbox out) {
    if (delivery.jobs().isEmpty()) {
      return;
    }
    synchronized (lock) {
      for (int i = 0; i < delivery.jobs().size(); i++) {
        Job job = delivery.jobs().get(i);
        // only this very activation: a job completed, timed out or re-activated since is left be
        if (!job.removed && job.state == JobState.ACTIVATED && job.activation == delivery.activations()[i]) {
          counters.jobsReturned++;
          makeActivatable(job, out);
        }
      }
    }
  }
}
