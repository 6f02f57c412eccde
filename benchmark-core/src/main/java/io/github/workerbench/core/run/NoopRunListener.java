package io.github.workerbench.core.run;

enum NoopRunListener implements RunListener {
  INSTANCE
}
