package io.github.workerbench.tests;

import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The benchmark scenarios as tests: one factory per phase tag, each dynamic test one scenario
 * named after it. Select with a tag expression: {@code ./mvnw verify -Dgroups=phase3}; the plain
 * build runs only {@code smoke} (see {@link PhaseTags} for how phase ids map to tags, {@link
 * BenchmarkProperties} for the {@code -Dbenchmark.*} properties).
 *
 * <p>Each factory starts its own engine once, at its first scenario (see {@link
 * BenchmarkSession}).
 */
@ExtendWith(BenchmarkSessionExtension.class)
class PhaseScenariosIT {

  @TestFactory
  @Tag(PhaseTags.SMOKE)
  @DisplayName("smoke (minimal suite)")
  Stream<DynamicNode> smoke(BenchmarkSession session) {
    return session.testsFor(PhaseTags.SMOKE);
  }

  @TestFactory
  @Tag("phase1")
  @DisplayName("phase 1: baseline")
  Stream<DynamicNode> phase1(BenchmarkSession session) {
    return session.testsFor(PhaseTags.phase(1));
  }

  @TestFactory
  @Tag("phase2")
  @DisplayName("phase 2: workload types")
  Stream<DynamicNode> phase2(BenchmarkSession session) {
    return session.testsFor(PhaseTags.phase(2));
  }

  @TestFactory
  @Tag("phase3")
  @DisplayName("phase 3: concurrency scaling")
  Stream<DynamicNode> phase3(BenchmarkSession session) {
    return session.testsFor(PhaseTags.phase(3));
  }

  @TestFactory
  @Tag("phase4")
  @DisplayName("phase 4: load scaling")
  Stream<DynamicNode> phase4(BenchmarkSession session) {
    return session.testsFor(PhaseTags.phase(4));
  }

  @TestFactory
  @Tag("phase5")
  @DisplayName("phase 5: work duration")
  Stream<DynamicNode> phase5(BenchmarkSession session) {
    return session.testsFor(PhaseTags.phase(5));
  }

  @TestFactory
  @Tag("phase6")
  @DisplayName("phase 6: interactions")
  Stream<DynamicNode> phase6(BenchmarkSession session) {
    return session.testsFor(PhaseTags.phase(6));
  }

  @TestFactory
  @Tag("phase7")
  @DisplayName("phase 7: edge cases")
  Stream<DynamicNode> phase7(BenchmarkSession session) {
    return session.testsFor(PhaseTags.phase(7));
  }

  @TestFactory
  @Tag("phase8")
  @DisplayName("phase 8: subprocess threading")
  Stream<DynamicNode> phase8(BenchmarkSession session) {
    return session.testsFor(PhaseTags.phase(8));
  }

  @TestFactory
  @Tag("phase9")
  @DisplayName("phase 9: Java strategies")
  Stream<DynamicNode> phase9(BenchmarkSession session) {
    return session.testsFor(PhaseTags.phase(9));
  }

  @TestFactory
  @Tag("phase10")
  @DisplayName("phase 10: transport")
  Stream<DynamicNode> phase10(BenchmarkSession session) {
    return session.testsFor(PhaseTags.phase(10));
  }

  @TestFactory
  @Tag("phase11")
  @DisplayName("phase 11: acquisition")
  Stream<DynamicNode> phase11(BenchmarkSession session) {
    return session.testsFor(PhaseTags.phase(11));
  }

  @TestFactory
  @Tag("phase12")
  @DisplayName("phase 12: cluster latency")
  Stream<DynamicNode> phase12(BenchmarkSession session) {
    return session.testsFor(PhaseTags.phase(12));
  }

  @TestFactory
  @Tag("phase13")
  @DisplayName("phase 13: throughput")
  Stream<DynamicNode> phase13(BenchmarkSession session) {
    return session.testsFor(PhaseTags.phase(13));
  }

  @TestFactory
  @Tag("phase14")
  @DisplayName("phase 14: downstream HTTP calls")
  Stream<DynamicNode> phase14(BenchmarkSession session) {
    return session.testsFor(PhaseTags.phase(14));
  }

  /** The phases of a custom scenario file that are neither numbered nor the smoke test. */
  @TestFactory
  @Tag(PhaseTags.CUSTOM)
  @DisplayName("custom phases")
  Stream<DynamicNode> customPhases(BenchmarkSession session) {
    return session.testsFor(PhaseTags.CUSTOM);
  }
}
