package io.github.workerbench.core.metrics;

enum NoopJobObserver implements JobObserver {
  INSTANCE;

  @Override
  public void activated(long jobKey, long activatedNanos) {}

  @Override
  public void started(long jobKey, long activatedNanos, long startedNanos) {}

  @Override
  public void finished(long jobKey, long finishedNanos) {}

  @Override
  public void completed(long jobKey, long processInstanceKey, long completedNanos) {}

  @Override
  public void failed(long jobKey, int retriesLeft, String reason) {}
}
