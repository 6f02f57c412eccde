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
   * False while the transport cannot take more jobs without buffering them (a stream whose
   * outbound buffer is full). The engine then leaves jobs activatable for others and offers this
   * receiver more once it reports ready again ({@link EngineState#streamReady}). Polls are always
   * ready.
   */
  default boolean isReady() {
    return true;
  }

  /**
   * Sends jobs (a poll: all of them in one answer, possibly none, and ends the call; a stream:
   * one message each).
   *
   * @param undelivered to run (at most once, on any thread) when the jobs turn out not to have
   *     reached the caller after this method returned true, e.g. when the write fails because the
   *     connection closed; the engine then makes them activatable again at once
   * @return false when the jobs could not be handed over; the engine makes them activatable again
   */
  boolean deliver(List<ActivatedJobData> jobs, Runnable undelivered);
}
