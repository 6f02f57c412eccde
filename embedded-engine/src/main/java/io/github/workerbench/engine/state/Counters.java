package io.github.workerbench.engine.state;

import io.github.workerbench.engine.EngineCounters;

/**
 * What the engine has done so far, counted by the parts as it happens. Guarded by the {@link
 * EngineState} lock, so a {@link #snapshot()} taken under it is consistent.
 */
final class Counters {

  long instancesCreated;
  long instancesCompleted;
  long instancesCanceled;
  long jobsCreated;
  long jobsActivated;
  long jobsCompleted;
  long jobsFailed;
  long jobsTimedOut;
  long jobsReturned;
  long errorsThrown;
  long incidents;

  EngineCounters snapshot() {
    return new EngineCounters(
        instancesCreated,
        instancesCompleted,
        instancesCanceled,
        jobsCreated,
        jobsActivated,
        jobsCompleted,
        jobsFailed,
        jobsTimedOut,
        jobsReturned,
        errorsThrown,
        incidents);
  }
}
