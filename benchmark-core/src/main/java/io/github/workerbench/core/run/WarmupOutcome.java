package io.github.workerbench.core.run;

/**
 * The unmeasured work done before a scenario's first repeat.
 *
 * @param seconds how long it took (0 when none ran)
 * @param warning why it did not finish, for the result's warnings, or {@code null}
 */
public record WarmupOutcome(double seconds, String warning) {

  /** No warm-up ran. */
  public static WarmupOutcome none() {
    return new WarmupOutcome(0, null);
  }
}
