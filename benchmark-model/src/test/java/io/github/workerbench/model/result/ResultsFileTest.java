package io.github.workerbench.model.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.workerbench.model.scenario.ScenarioPlan;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsFileTest {

  private static final Instant FINISHED = Instant.parse("2026-11-27T13:30:00Z");
  private static final ResultsHeader HEADER =
      new ResultsHeader(
          FINISHED,
          "scenarios_quick.json",
          "container",
          0.5,
          new EngineSetup("workerbench/engine:latest", "scenario", "0-1"));

  @TempDir Path folder;

  @Test
  void shouldMatchGoldenFileWhenWritingResults() throws IOException {
    // given
    Locale previous = Locale.getDefault();
    Locale.setDefault(Locale.GERMANY);
    try {
      ScenarioPlan ok = ScenarioPlan.of(ScenarioResults.scenario("a", "p1"), 0.5);
      ScenarioPlan bad = ScenarioPlan.of(ScenarioResults.scenario("b", "p1"), 0.5);
      List<ObjectNode> results =
          List.of(
              ResultsFile.toNode(ScenarioResults.result(ok, RunStatus.SUCCESS, FINISHED)),
              ResultsFile.toNode(
                  new ScenarioResult(
                      bad,
                      RunStatus.FAILED,
                      "engine unreachable",
                      List.of(),
                      1.0,
                      FINISHED,
                      "thread",
                      2,
                      0,
                      0,
                      List.of())));

      // when
      String text = ResultsFile.render(HEADER, results);

      // then
      assertThat(text).isEqualTo(golden("result/results.json", text));
    } finally {
      Locale.setDefault(previous);
    }
  }

  @Test
  void shouldCarryEveryMetricAndSummaryWhenRenderingAResult() {
    // given
    ScenarioPlan plan = ScenarioPlan.of(ScenarioResults.scenario("a", "p1"));
    ScenarioResult result = ScenarioResults.result(plan, RunStatus.SUCCESS, FINISHED);

    // when
    ObjectNode node = ResultsFile.toNode(result);

    // then
    for (Metric metric : Metric.values()) {
      List<String> names = new ArrayList<>(List.of(metric.fileName()));
      for (MetricSummary.Statistic statistic : MetricSummary.Statistic.values()) {
        names.add(metric.fileName(statistic));
      }
      for (String name : names) {
        assertThat(node.get(name)).as(name).isNotNull();
        assertThat(node.get(name).isNumber()).as(name).isTrue();
      }
    }
    assertThat(node.get("jobs_per_second").asDouble())
        .isEqualTo(node.get("jobs_per_second_avg").asDouble())
        .isEqualTo((4 / 2.0 + 4 / 3.0) / 2);
    assertThat(node.get("total_time_min").asDouble()).isEqualTo(2.0);
    assertThat(node.get("total_time_max").asDouble()).isEqualTo(3.0);
    assertThat(node.get("repeat_results")).hasSize(2);
    assertThat(node.get("repeat_results").get(1).get("failed_jobs").isIntegralNumber()).isTrue();
    assertThat(node.get("transport").asText()).isEqualTo("rest");
    assertThat(node.get("acquisition").asText()).isEqualTo("job-worker");
    assertThat(node.get("max_jobs_active").asInt()).isEqualTo(2);
    assertThat(node.has("error")).isFalse();
  }

  @Test
  void shouldReadBackVerbatimWhenWrittenThenRead() {
    // given
    ResultsFile file = new ResultsFile(folder.resolve("results.json"));
    ScenarioPlan plan = ScenarioPlan.of(ScenarioResults.scenario("a", "p1"), 0.5);
    ObjectNode node = ResultsFile.toNode(ScenarioResults.result(plan, RunStatus.FAILED, FINISHED));
    node.put("extra_field_from_a_newer_runner", 42);

    // when
    file.write(HEADER, List.of(node));
    ResultsContent content = file.read();

    // then
    assertThat(content.header()).isEqualTo(HEADER);
    // Numbers may come back as other node types (int for long); the text is what must survive.
    assertThat(ResultsFile.render(content.header(), content.results()))
        .isEqualTo(ResultsFile.render(HEADER, List.of(node)));
    assertThat(content.results().get(0).get("extra_field_from_a_newer_runner").asInt())
        .isEqualTo(42);
    assertThat(content.successfulNames()).isEmpty();
  }

  @Test
  void shouldReadTheEngineSetupAsUnknownWhenTheFileHasNone() throws IOException {
    // given a file written before the header named the engine's image, scope and CPUs
    Path path = folder.resolve("old.json");
    Files.writeString(
        path,
        """
        {"tool": "worker-bench", "format_version": 1, "generated_at": "2026-11-27T13:30:00Z",
         "scenarios_file": "s.json", "engine": "embedded", "duration_scale": 1.0, "results": []}
        """);

    // when
    ResultsContent content = new ResultsFile(path).read();

    // then
    assertThat(content.header().engineSetup()).isEqualTo(EngineSetup.unknown());
  }

  @Test
  void shouldWriteTheEngineStartupTimeOnlyWhenTheScenarioStartedAnEngine() {
    // given one result that started its engine in 2.5 s and one that found it running
    ScenarioPlan plan = ScenarioPlan.of(ScenarioResults.scenario("a", "p1"));
    ScenarioResult started = ScenarioResults.result(plan, RunStatus.SUCCESS, FINISHED);
    ScenarioResult reused =
        new ScenarioResult(
            plan, RunStatus.SUCCESS, null, List.of(), 1.0, FINISHED, "thread", 2, 0, 0, List.of());

    // when
    ObjectNode startedNode = ResultsFile.toNode(started);
    ObjectNode reusedNode = ResultsFile.toNode(reused);

    // then
    assertThat(startedNode.get("engine_startup_time").asDouble()).isEqualTo(2.5);
    assertThat(reusedNode.get("engine_startup_time").isNull()).isTrue();
  }

  @Test
  void shouldListFailedScenariosWhenSomeDidNotSucceed() throws IOException {
    // given
    ResultsFile file = new ResultsFile(folder.resolve("results.json"));
    ScenarioPlan plan = ScenarioPlan.of(ScenarioResults.scenario("x", "p"));

    // when
    file.write(
        HEADER,
        List.of(
            ResultsFile.toNode(ScenarioResults.result(plan, RunStatus.SUCCESS, FINISHED)),
            ResultsFile.toNode(
                ScenarioResults.result(
                    ScenarioPlan.of(ScenarioResults.scenario("y", "p")),
                    RunStatus.INTERRUPTED,
                    FINISHED))));

    // then
    JsonNode root = new ObjectMapper().readTree(file.path().toFile());
    assertThat(root.get("tool").asText()).isEqualTo("worker-bench");
    assertThat(root.get("total_scenarios").asInt()).isEqualTo(2);
    assertThat(root.get("failed_count").asInt()).isEqualTo(1);
    assertThat(root.get("failed_scenarios").get(0).asText()).isEqualTo("y");
  }

  @Test
  void shouldLeaveNoTemporaryFileAndKeepTheUmaskWhenWriting() throws IOException {
    // given
    ResultsFile file = new ResultsFile(folder.resolve("results.json"));

    // when
    file.write(HEADER, List.of());
    file.write(HEADER, List.of());

    // then
    try (Stream<Path> files = Files.list(folder)) {
      assertThat(files).containsExactly(file.path());
    }
    if (file.path().getFileSystem().supportedFileAttributeViews().contains("posix")) {
      Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file.path());
      Path reference = Files.writeString(folder.resolve("reference"), "x");
      // The same permissions a plain new file gets: the umask, not owner-only.
      assertThat(permissions).isEqualTo(Files.getPosixFilePermissions(reference));
    }
  }

  @Test
  void shouldSayNotOursWhenToolIsMissing() throws IOException {
    // given
    Path path = Files.writeString(folder.resolve("other.json"), "{\"results\": []}");

    // when / then
    assertThatThrownBy(() -> new ResultsFile(path).read())
        .isInstanceOf(ResultsFileException.class)
        .hasMessageStartingWith(path + ": not a Worker Bench results file");
  }

  @Test
  void shouldSayCorruptWhenJsonIsCutShort() throws IOException {
    // given
    ResultsFile file = new ResultsFile(folder.resolve("results.json"));
    file.write(HEADER, List.of());
    String text = Files.readString(file.path());
    Files.writeString(file.path(), text.substring(0, text.length() / 2));

    // when / then
    assertThatThrownBy(file::read)
        .isInstanceOf(ResultsFileException.class)
        .hasMessageStartingWith(file.path() + ": the results file is not valid JSON (line ");
  }

  @Test
  void shouldSayCorruptWhenAResultHasNoStatus() throws IOException {
    // given
    Path path =
        Files.writeString(
            folder.resolve("r.json"),
            "{\"tool\": \"worker-bench\", \"format_version\": 1, \"generated_at\":"
                + " \"2026-01-01T00:00:00Z\", \"scenarios_file\": \"s\", \"engine\": \"e\","
                + " \"duration_scale\": 1.0, \"results\": [{\"name\": \"a\"}]}");

    // when / then
    assertThatThrownBy(() -> new ResultsFile(path).read())
        .hasMessage(
            path
                + ": the results file has a result #1 without a name and a status, so"
                + " it cannot be resumed; repair it, choose another --output or move it away");
  }

  private static String golden(String resource, String actual) throws IOException {
    if (Boolean.getBoolean("golden.update")) {
      Path file = Path.of("src/test/resources", resource);
      Files.createDirectories(file.getParent());
      Files.writeString(file, actual, StandardCharsets.UTF_8);
      return actual;
    }
    try (InputStream in = ResultsFileTest.class.getClassLoader().getResourceAsStream(resource)) {
      assertThat(in).as("golden file %s", resource).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
