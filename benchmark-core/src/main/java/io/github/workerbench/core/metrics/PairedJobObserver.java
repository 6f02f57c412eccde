package io.github.workerbench.core.metrics;

import java.util.Objects;

/** Hands every event to two observers in turn; as thread-safe as they are. */
record PairedJobObserver(JobObserver first, JobObserver second) implements JobObserver {

  PairedJobObserver {
    Objects.requireNonNull(first, "first");
    Objects.requireNonNull(second, "second");
  }

  @Override
  public void activated(long jobKey, long activatedNanos) {
    first.activated(jobKey, activatedNanos);
    second.activated(jobKey, activatedNanos);
  }

  @Override
  public void started(long jobKey, long activatedNanos, long startedNanos) {
    first.started(jobKey, activatedNanos, startedNanos);
    second.started(jobKey, activatedNanos, startedNanos);
  }

  @Override
  public void finished(long jobKey, long finishedNanos) {
    first.finished(jobKey, finishedNanos);
    second.finished(jobKey, finishedNanos);
  }

  @Override
  public void completed(long jobKey, long processInstanceKey, long completedNanos) {
    first.completed(jobKey, processInstanceKey, completedNanos);
    second.completed(jobKey, processInstanceKey, completedNanos);
  }

  @Override
  public void failed(long jobKey, int retriesLeft, String reason, long failedNanos) {
    first.failed(jobKey, retriesLeft, reason, failedNanos);
    second.failed(jobKey, retriesLeft, reason, failedNanos);
  }

  @Override
  public void released(long jobKey, long releasedNanos) {
    first.released(jobKey, releasedNanos);
    second.released(jobKey, releasedNanos);
  }
}
