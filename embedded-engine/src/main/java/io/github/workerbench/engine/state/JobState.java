package io.github.workerbench.engine.state;

/** The lifecycle of a job, as Zeebe's job state names it. Completed and canceled jobs are removed. */
public enum JobState {
  /** Waiting for a worker. */
  ACTIVATABLE,
  /** Handed to a worker until its deadline. */
  ACTIVATED,
  /** Failed: waiting for its retry back-off, or out of retries with an incident. */
  FAILED,
  /** A worker threw a BPMN error nobody catches: an incident. */
  ERROR_THROWN
}
