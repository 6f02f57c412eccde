package io.github.workerbench.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TagFilter;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherFactory;

/** Which factories of {@link PhaseScenariosIT} a tag expression selects, as Maven's groups do. */
class TagFilterTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "phase1", "phase2", "phase3", "phase4", "phase5", "phase6", "phase7", "phase8", "phase9",
        "phase10", "phase11", "phase12", "phase13", "phase14", "smoke", "custom"
      })
  void shouldSelectOnlyItsOwnFactoryWhenFilteredByOneTag(String tag) {
    // given
    String factory = tag.equals("custom") ? "customPhases" : tag;

    // when
    List<String> selected = factoriesSelectedBy(tag);

    // then
    assertThat(selected).containsExactly(factory);
  }

  @Test
  void shouldSelectOnlySmokeWhenTheParentPomsDefaultExpressionApplies() throws IOException {
    // given the expression the plain ./mvnw verify uses
    String expression = defaultGroups();

    // when
    List<String> selected = factoriesSelectedBy(expression);

    // then
    assertThat(selected).containsExactly("smoke");
  }

  private static List<String> factoriesSelectedBy(String expression) {
    TestPlan plan =
        LauncherFactory.create()
            .discover(
                request()
                    .selectors(selectClass(PhaseScenariosIT.class))
                    .filters(TagFilter.includeTags(expression))
                    .build());
    return plan.getRoots().stream()
        .flatMap(root -> plan.getDescendants(root).stream())
        .map(TestIdentifier::getSource)
        .flatMap(java.util.Optional::stream)
        .filter(MethodSource.class::isInstance)
        .map(source -> ((MethodSource) source).getMethodName())
        .toList();
  }

  private static String defaultGroups() throws IOException {
    // The test runs in benchmark-tests/; the expression lives in the parent pom.
    String pom = Files.readString(Path.of("..", "pom.xml"));
    Matcher groups = Pattern.compile("<groups>([^<]+)</groups>").matcher(pom);
    assertThat(groups.find()).as("a <groups> property in the parent pom").isTrue();
    return groups.group(1);
  }
}
