package io.github.workerbench.tests;

import io.github.workerbench.model.scenario.Phase;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps a scenario's phase id to the JUnit 5 tag that selects it ({@code -Dgroups=TAG}).
 *
 * <p>The rule: a phase id that starts with a number {@code N} followed by {@code _} or the end
 * ({@code 3_concurrency_scaling}, {@code 11_acquisition}, {@code 3}) gets {@code phaseN}; {@code
 * smoke_test} gets {@code smoke}; every other id (the phases of a custom scenario file, e.g.
 * {@code custom}, {@code my_sweep}) gets {@code custom}. JUnit tags are fixed at discovery, so
 * custom phases share the one tag of the generic factory; each still runs in a container named
 * after its phase.
 *
 * <p>Stateless and thread-safe.
 */
public final class PhaseTags {

  /** The tag of the minimal suite's {@code smoke_test} phase. */
  public static final String SMOKE = "smoke";

  /** The tag of every phase that is neither numbered nor the smoke test. */
  public static final String CUSTOM = "custom";

  /** The numbered phases that have their own factory in {@link PhaseScenariosIT}. */
  public static final List<Integer> NUMBERED_PHASES = List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 13);

  private static final Pattern NUMBERED = Pattern.compile("^(\\d+)(?:_.*)?$", Pattern.DOTALL);

  private PhaseTags() {}

  /**
   * The tag of a phase id.
   *
   * @throws IllegalArgumentException when the id is blank
   */
  public static String tagOf(String phaseId) {
    if (phaseId == null || phaseId.isBlank()) {
      throw new IllegalArgumentException("phase id must not be empty");
    }
    if (phaseId.equals(Phase.SMOKE_TEST.id())) {
      return SMOKE;
    }
    Matcher numbered = NUMBERED.matcher(phaseId);
    if (numbered.matches()) {
      // Strips leading zeros ("03_x" is phase 3) without overflowing on absurd numbers.
      String digits = numbered.group(1).replaceFirst("^0+(?=\\d)", "");
      return "phase" + digits;
    }
    return CUSTOM;
  }

  /** The tag of phase {@code number}, e.g. {@code phase3}. */
  public static String phase(int number) {
    return "phase" + number;
  }
}
