package io.github.workerbench.core.run;

import io.github.workerbench.model.result.RepeatMetrics;
import java.util.Objects;

/**
 * One repeat as a {@link RepeatDriver} ran it.
 *
 * @param metrics the repeat's figures, its status and reason
 * @param resolvedStrategy the strategy that ran (e.g. {@code thread} for {@code auto}), or {@code
 *     null} when no worker started
 * @param startupSeconds set-up before the measured window (child JVMs, calibration)
 */
public record RepeatOutcome(RepeatMetrics metrics, String resolvedStrategy, double startupSeconds) {

  public RepeatOutcome {
    Objects.requireNonNull(metrics, "metrics");
  }
}
