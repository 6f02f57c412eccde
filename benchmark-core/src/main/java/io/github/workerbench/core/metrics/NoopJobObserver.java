package io.github.workerbench.core.metrics;

enum NoopJobObserver implements JobObserver {
  INSTANCE
}
