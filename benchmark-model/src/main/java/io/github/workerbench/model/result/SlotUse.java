package io.github.workerbench.model.result;

import java.util.List;

/**
 * How a repeat's slots were used: its slot time ({@code max_concurrent_jobs × window}) split into
 * five parts that sum to 1. At every instant each slot is in one state, so the parts are shares of
 * the whole, not of each other:
 *
 * <ul>
 *   <li>{@code working}: a job's work ran (its handler between start and end);
 *   <li>{@code awaitingActivation}: the slot was free and no activated job was waiting for it, while
 *       jobs were still to be handed over (the next activation had not come);
 *   <li>{@code awaitingStart}: the slot held an activated job that had not started yet;
 *   <li>{@code awaitingCompletion}: the slot held a finished job until the engine acknowledged its
 *       completion (or failure);
 *   <li>{@code other}: the slot was free after the last job was handed over (the drain at the end,
 *       fewer jobs than slots).
 * </ul>
 *
 * <p>{@link #NOT_MEASURED} stands for a repeat without a window (it failed before its worker ran):
 * every part 0. Immutable.
 *
 * @param workPerRunSeconds the mean time one run of a job's work took, in seconds ({@code NaN} when
 *     no work ran): against the work's own duration it tells work that took longer than asked
 */
public record SlotUse(
    double working,
    double awaitingActivation,
    double awaitingStart,
    double awaitingCompletion,
    double other,
    double workPerRunSeconds) {

  /** No slot use measured. */
  public static final SlotUse NOT_MEASURED = new SlotUse(0, 0, 0, 0, 0, Double.NaN);

  private static final double TOLERANCE = 1e-6;

  public SlotUse {
    for (double part : new double[] {working, awaitingActivation, awaitingStart, awaitingCompletion, other}) {
      if (!(part >= 0 && part <= 1 + TOLERANCE)) {
        throw new IllegalArgumentException("slot use fractions must be within [0, 1], but one was " + part);
      }
    }
    double sum = working + awaitingActivation + awaitingStart + awaitingCompletion + other;
    if (sum != 0 && Math.abs(sum - 1) > TOLERANCE) {
      throw new IllegalArgumentException("slot use fractions must sum to 1, but sum to " + sum);
    }
  }

  /**
   * The fractions of these slot times, each in slot-nanoseconds (a slot busy for 1 ms is 1,000,000),
   * divided by their sum; {@link #NOT_MEASURED} when the sum is 0.
   *
   * @param runs the runs of work that the working time covers, for {@link #workPerRunSeconds}
   */
  public static SlotUse of(
      long workingNanos,
      long awaitingActivationNanos,
      long awaitingStartNanos,
      long awaitingCompletionNanos,
      long otherNanos,
      long runs) {
    double total =
        (double) workingNanos
            + awaitingActivationNanos
            + awaitingStartNanos
            + awaitingCompletionNanos
            + otherNanos;
    if (!(total > 0)) {
      return NOT_MEASURED;
    }
    return new SlotUse(
        workingNanos / total,
        awaitingActivationNanos / total,
        awaitingStartNanos / total,
        awaitingCompletionNanos / total,
        otherNanos / total,
        runs > 0 ? workingNanos / 1e9 / runs : Double.NaN);
  }

  /** Whether a window was measured (the parts sum to 1, not 0). */
  public boolean measured() {
    return working + awaitingActivation + awaitingStart + awaitingCompletion + other > 0;
  }

  /** The mean of the measured ones among these (each part averaged); NOT_MEASURED if none is. */
  public static SlotUse mean(List<SlotUse> uses) {
    List<SlotUse> measured = uses.stream().filter(SlotUse::measured).toList();
    if (measured.isEmpty()) {
      return NOT_MEASURED;
    }
    double working = 0, activation = 0, start = 0, completion = 0, other = 0, work = 0;
    int withWork = 0;
    for (SlotUse use : measured) {
      working += use.working;
      activation += use.awaitingActivation;
      start += use.awaitingStart;
      completion += use.awaitingCompletion;
      other += use.other;
      if (!Double.isNaN(use.workPerRunSeconds)) {
        work += use.workPerRunSeconds;
        withWork++;
      }
    }
    double sum = working + activation + start + completion + other;
    return new SlotUse(
        working / sum,
        activation / sum,
        start / sum,
        completion / sum,
        other / sum,
        withWork == 0 ? Double.NaN : work / withWork);
  }
}
