package io.github.workerbench.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * Reads the Failsafe XML report of {@link PhaseScenariosIT} the build just wrote and checks that
 * every scenario of the run's results file has a test case carrying its name, as CI test reports
 * (GitHub, Jenkins, GitLab) show them, rather than {@code smoke(BenchmarkSession)[1]}. Runs in the
 * {@code allure-report-check} Failsafe execution (verify phase); skipped when the run wrote no
 * results.
 */
@Tag("report-check")
class TestReportNamesCheck {

  @Test
  void shouldNameEveryScenarioInTheXmlReportWhenThePhaseFactoriesRan() throws Exception {
    // given
    Path results =
        Path.of(
            System.getProperty(BenchmarkProperties.RESULTS_FILE, "target/benchmark-results.json"));
    Path xml = Path.of("target/failsafe-reports/TEST-" + PhaseScenariosIT.class.getName() + ".xml");
    assumeTrue(Files.isRegularFile(results), "no results file at " + results);
    assumeTrue(Files.isRegularFile(xml), "no Failsafe report at " + xml);
    List<String> scenarios = new ArrayList<>();
    for (JsonNode result : new ObjectMapper().readTree(results.toFile()).path("results")) {
      scenarios.add(result.path("name").asText());
    }

    // when
    Document report = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml.toFile());
    NodeList cases = report.getElementsByTagName("testcase");
    List<String> names = new ArrayList<>();
    for (int i = 0; i < cases.getLength(); i++) {
      names.add(cases.item(i).getAttributes().getNamedItem("name").getNodeValue());
    }

    // then each test case ends with its scenario's name (after the factory's display name)
    assertThat(scenarios).isNotEmpty();
    assertThat(scenarios)
        .allSatisfy(
            scenario ->
                assertThat(names)
                    .as("test cases of %s", xml)
                    .anyMatch(name -> name.endsWith(" " + scenario)));
    assertThat(names).noneMatch(name -> name.contains("(BenchmarkSession)"));
  }
}
