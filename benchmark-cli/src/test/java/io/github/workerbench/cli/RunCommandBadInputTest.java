package io.github.workerbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * Every bad input of a run: exit 2, one line on stderr naming the file, the scenario and the field,
 * no stack trace, and the results file neither created nor changed.
 */
class RunCommandBadInputTest {

  private static final String SCENARIO =
      """
      {"name": "load_async_10", "num_instances": 10, "strategy": "async",
       "workload_type": "cpu", "work_duration": 1.0, "max_concurrent_jobs": 20, "repeats": 3,
       "timeout": 120, "job_timeout_ms": 30000, "description": "d", "phase": "4_load_scaling"}\
      """;

  private static final String OLD_RESULTS = "{\"results\": [\"from another tool\"]}";

  @TempDir Path folder;

  /** One bad input: the scenario file's text (null: no file), extra arguments, and the line. */
  record Case(
      String label,
      String scenarios,
      List<String> args,
      String resultsBefore,
      List<String> expected) {
    @Override
    public String toString() {
      return label;
    }
  }

  private static Case file(String label, String scenarios, String... expected) {
    return new Case(label, scenarios, List.of(), null, List.of(expected));
  }

  private static Case field(String field, String value, String... expected) {
    String json =
        "["
            + SCENARIO.replaceFirst(
                "\"" + field + "\": [^,}]*", "\"" + field + "\": " + value.replace("$", "\\$"))
            + "]";
    if (!SCENARIO.contains("\"" + field + "\":")) {
      json =
          "["
              + SCENARIO.replace(
                  "\"phase\": \"4_load_scaling\"",
                  "\"phase\": \"4_load_scaling\", \"" + field + "\": " + value)
              + "]";
    }
    List<String> all = new ArrayList<>(List.of("scenarios.json", "'load_async_10'", field));
    all.addAll(List.of(expected));
    return new Case(field + " = " + value, json, List.of(), null, all);
  }

  private static Case option(
      String label, List<String> args, String resultsBefore, String... expected) {
    return new Case(label, "[" + SCENARIO + "]", args, resultsBefore, List.of(expected));
  }

  static Stream<Case> badInputs() {
    return Stream.of(
        field("handler", "\"acme.Missing\"", "handler acme.Missing: no such class"),
        field("engine_latency_jitter_ms", "9", "engine_latency_jitter_ms must be between 0"),
        option(
            "latency on a remote engine",
            List.of("--engine", "remote", "--engine-latency-ms", "25"),
            null,
            "simulated by the embedded engine only"),
        file(
            "malformed JSON",
            "[{\"name\": \"a\",,}]",
            "scenarios.json",
            "malformed JSON",
            "line 1, column"),
        file("empty file", "", "scenarios.json", "the file is empty"),
        file("missing file", null, "scenarios.json", "file not found"),
        file("list of strings", "[\"load_async_10\"]", "scenarios.json", "scenario #1"),
        file(
            "object instead of list",
            SCENARIO,
            "scenarios.json",
            "expected a JSON list",
            "an object"),
        file(
            "missing required field",
            "[" + SCENARIO.replace("\"num_instances\": 10,", "") + "]",
            "scenarios.json",
            "'load_async_10'",
            "num_instances is missing"),
        file(
            "missing name",
            "[" + SCENARIO.replace("\"name\": \"load_async_10\",", "") + "]",
            "scenarios.json",
            "scenario #1",
            "name is missing"),
        file(
            "unknown field",
            "[" + SCENARIO.replace("\"repeats\"", "\"repeat\"") + "]",
            "scenarios.json",
            "'load_async_10'",
            "unknown field 'repeat'"),
        file(
            "duplicate names",
            "[" + SCENARIO + "," + SCENARIO + "]",
            "scenarios.json",
            "'load_async_10' (#2)",
            "name is a duplicate of scenario #1"),
        field("num_instances", "\"10\"", "must be a whole number", "the string \"10\""),
        field("max_concurrent_jobs", "2.5", "must be a whole number, but was 2.5"),
        field("strategy", "\"fork\"", "unknown strategy 'fork'"),
        field("workload_type", "\"gpu\"", "unknown workload 'gpu'"),
        field("transport", "\"smoke-signals\"", "unknown transport 'smoke-signals'"),
        field("acquisition", "\"magic\"", "unknown acquisition 'magic'"),
        field("num_instances", "0", "must be greater than 0, but was 0"),
        field("max_concurrent_jobs", "-1", "must be greater than 0, but was -1"),
        field("repeats", "0", "must be greater than 0, but was 0"),
        field("timeout", "-5", "must be greater than 0"),
        field("job_timeout_ms", "0", "must be greater than 0, but was 0"),
        field("work_duration", "0", "must be greater than 0"),
        field("jitter_pct", "1.5", "must be between 0 and 1, but was 1.5"),
        field("jitter_pct", "-0.2", "must be between 0 and 1, but was -0.2"),
        field("num_instances", "-3", "must be greater than 0, but was -3"),
        field("num_instances", "1.5", "must be a whole number, but was 1.5"),
        field("repeats", "-2", "must be greater than 0, but was -2"),
        field("timeout", "0", "must be greater than 0"),
        field("job_timeout_ms", "-100", "must be greater than 0, but was -100"),
        field("work_duration", "-0.5", "must be greater than 0"),
        field("work_duration", "\"fast\"", "the string \"fast\""),
        field("failure_rate", "-0.1", "must be between 0 and 1, but was -0.1"),
        option(
            "phase no scenario has",
            List.of("--phase", "9_nope"),
            null,
            "scenarios.json",
            "--phase '9_nope' matches no scenario",
            "4_load_scaling"),
        option(
            "resume a file that is not ours",
            List.of("--resume"),
            OLD_RESULTS,
            "results.json",
            "not a Worker Bench results file"),
        option(
            "resume a corrupt file",
            List.of("--resume"),
            "{\"tool\": \"worker-bench\", \"format_version\": 1, \"resu",
            "results.json",
            "not valid JSON"),
        option("limit 0", List.of("--limit", "0"), null, "--limit must be greater than 0"),
        option(
            "duration scale not a number",
            List.of("--duration-scale", "fast"),
            null,
            "--duration-scale",
            "fast"),
        option(
            "duration scale negative",
            List.of("--duration-scale", "-1"),
            null,
            "--duration-scale must be greater than 0"),
        option(
            "unknown engine", List.of("--engine", "cloud"), OLD_RESULTS, "unknown engine 'cloud'"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badInputs")
  void shouldPrintOneLineAndExit2WithoutResultsWhenInputIsBad(Case badInput) throws IOException {
    // given
    Path scenarios = folder.resolve("scenarios.json");
    if (badInput.scenarios() != null) {
      Files.writeString(scenarios, badInput.scenarios());
    }
    Path results = folder.resolve("results.json");
    if (badInput.resultsBefore() != null) {
      Files.writeString(results, badInput.resultsBefore());
    }
    List<String> args =
        new ArrayList<>(List.of("run", scenarios.toString(), "--output", results.toString()));
    args.addAll(badInput.args());

    // when
    StringWriter err = new StringWriter();
    int exit = execute(err, args);

    // then
    assertThat(exit).isEqualTo(BenchCli.EXIT_BAD_INPUT);
    List<String> lines = err.toString().lines().toList();
    assertThat(lines).as("stderr: %s", err).hasSize(1);
    assertThat(lines.get(0)).contains(badInput.expected());
    assertThat(lines.get(0)).doesNotContain("Exception", "\tat ");
    if (badInput.resultsBefore() == null) {
      assertThat(results).doesNotExist();
    } else {
      assertThat(results).hasContent(badInput.resultsBefore());
    }
    try (Stream<Path> files = Files.list(folder)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .as("no temporary file left")
          .allMatch(name -> name.equals("scenarios.json") || name.equals("results.json"));
    }
  }

  @Test
  void shouldRefuseTheHandlerBeforeAnythingRunsWhenBareReadsTheFile() throws IOException {
    // given a scenario naming a handler class that is nowhere
    Path scenarios =
        Files.writeString(
            folder.resolve("scenarios.json"),
            "[" + SCENARIO.replace("\"phase\": \"4_load_scaling\"",
                "\"phase\": \"4_load_scaling\", \"handler\": \"acme.Missing\"") + "]");
    Path results = folder.resolve("results.json");

    // when the engine-free floor is asked for it
    StringWriter err = new StringWriter();
    int exit = execute(err, List.of("bare", scenarios.toString(), "--output", results.toString()));

    // then as bench run: one line naming the file, the scenario, the field and the class
    assertThat(exit).isEqualTo(BenchCli.EXIT_BAD_INPUT);
    assertThat(err.toString().lines().toList())
        .singleElement()
        .asString()
        .contains("scenarios.json", "'load_async_10'", "field handler", "acme.Missing: no such class");
    assertThat(results).doesNotExist();
  }

  @Test
  void shouldSayTheFileCannotBeReadWhenItIsADirectory() throws IOException {
    // given a path that exists but is no readable file
    Path directory = Files.createDirectory(folder.resolve("scenarios.json"));
    Path results = folder.resolve("results.json");

    // when
    StringWriter err = new StringWriter();
    int exit =
        execute(err, List.of("run", directory.toString(), "--output", results.toString()));

    // then
    assertThat(exit).isEqualTo(BenchCli.EXIT_BAD_INPUT);
    assertThat(err.toString().lines().toList())
        .singleElement()
        .asString()
        .contains("scenarios.json", "is a directory");
    assertThat(results).doesNotExist();
  }

  @Test
  void shouldRejectWhenNeitherFileNorSuiteIsGiven() {
    // when
    StringWriter err = new StringWriter();
    int exit = execute(err, List.of("run", "--output", folder.resolve("r.json").toString()));

    // then
    assertThat(exit).isEqualTo(BenchCli.EXIT_BAD_INPUT);
    assertThat(err.toString())
        .isEqualTo(
            "bench run: give a scenario file (bench run SCENARIOS.json) or --suite NAME"
                + System.lineSeparator());
  }

  @Test
  void shouldNameTheChoicesWhenSuiteIsUnknown() {
    // when
    StringWriter err = new StringWriter();
    int exit =
        execute(
            err,
            List.of("run", "--suite", "huge", "--output", folder.resolve("r.json").toString()));

    // then
    assertThat(exit).isEqualTo(BenchCli.EXIT_BAD_INPUT);
    assertThat(err.toString().lines().toList())
        .containsExactly(
            "bench run: --suite: unknown suite 'huge', expected one of minimal, quick, fast, full,"
                + " extended");
    assertThat(folder.resolve("r.json")).doesNotExist();
  }

  @Test
  void shouldPrintTheStackTraceWhenVerbose() throws IOException {
    // given
    Path scenarios = Files.writeString(folder.resolve("scenarios.json"), "[]");

    // when
    StringWriter err = new StringWriter();
    int exit =
        execute(
            err,
            List.of(
                "run",
                scenarios.toString(),
                "--verbose",
                "--output",
                folder.resolve("r.json").toString()));

    // then
    assertThat(exit).isEqualTo(BenchCli.EXIT_BAD_INPUT);
    assertThat(err.toString()).startsWith("bench run: " + scenarios + ": the list holds no");
    assertThat(err.toString()).contains("ScenarioFileException", "\tat ");
  }

  private static int execute(StringWriter err, List<String> args) {
    CommandLine commandLine = BenchCli.newCommandLine();
    commandLine.setErr(new PrintWriter(err, true));
    commandLine.setOut(new PrintWriter(new StringWriter(), true));
    return commandLine.execute(args.toArray(String[]::new));
  }
}
