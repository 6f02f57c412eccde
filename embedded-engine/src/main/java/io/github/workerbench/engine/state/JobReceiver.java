package io.github.workerbench.engine.state;

import java.util.List;

/**
 * The transport end of a parked poll or an open stream. The engine calls it outside its lock.
 * Implementations must be thread-safe: deliveries can come from several threads at once.
 */
public interface JobReceiver {

  /** False once the caller has gone (cancelled, closed, deadline passed); never offered jobs then. */
  boolean isAlive();

  /**
   * Sends jobs (a poll: all of them in one answer, possibly none, and ends the call; a stream:
   * one message each).
   *
   * @return false when the jobs could not be handed over; the engine makes them activatable again
   */
  boolean deliver(List<ActivatedJobData> jobs);
}
