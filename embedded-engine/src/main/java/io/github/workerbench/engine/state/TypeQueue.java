package io.github.workerbench.engine.state;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * One job type's waiting work: its activatable jobs (FIFO, possibly holding stale entries that
 * {@link JobDispatch} skips), its parked polls (oldest first) and its open streams. Guarded by the
 * {@link EngineState} lock.
 */
final class TypeQueue {

  final ArrayDeque<Job> activatable = new ArrayDeque<>();
  final ArrayDeque<EngineState.PollRegistration> polls = new ArrayDeque<>();
  final List<EngineState.StreamRegistration> streams = new ArrayList<>();
  private int nextStream;

  /** The next stream, round-robin, that is open, alive and ready for more; null if none. */
  EngineState.StreamRegistration nextReadyStream() {
    for (int tried = 0; tried < streams.size(); tried++) {
      nextStream = nextStream >= streams.size() - 1 ? 0 : nextStream + 1;
      EngineState.StreamRegistration stream = streams.get(nextStream);
      if (!stream.closed && stream.receiver.isAlive() && stream.receiver.isReady()) {
        return stream;
      }
    }
    return null;
  }

  /** Takes up to {@code max} jobs that are still activatable, dropping stale entries on the way. */
  List<Job> take(int max) {
    List<Job> taken = new ArrayList<>(Math.min(max, 32));
    while (taken.size() < max) {
      Job job = activatable.poll();
      if (job == null) {
        break;
      }
      job.queued = false;
      // stale entries: the job left ACTIVATABLE (completed, failed, canceled) while queued
      if (!job.removed && job.state == JobState.ACTIVATABLE) {
        taken.add(job);
      }
    }
    return taken;
  }
}
