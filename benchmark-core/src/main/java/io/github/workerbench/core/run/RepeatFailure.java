package io.github.workerbench.core.run;

import io.github.workerbench.core.BenchmarkException;

/**
 * A repeat could not run (the engine could not be reached, or did not create the instances in
 * time); the message is the result's reason, phrased for the user. A measured shortfall (jobs
 * that did not complete) is no exception but the repeat's figures.
 */
final class RepeatFailure extends BenchmarkException {

  private static final long serialVersionUID = 1L;

  RepeatFailure(String message) {
    super(message);
  }
}
