package io.github.workerbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.workerbench.model.result.RunStatus;
import io.github.workerbench.model.result.ScenarioResult;
import io.github.workerbench.model.scenario.Scenario;
import io.github.workerbench.model.scenario.ScenarioPlan;
import io.github.workerbench.model.scenario.StrategyKind;
import io.github.workerbench.model.scenario.WorkloadKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where a failed scenario's engine log is kept, and what its error then says. */
class EngineLogFilesTest {

  private static final List<String> LINES = List.of("engine ready", "Connection reset");

  @TempDir Path folder;

  private static ScenarioResult failed(String name) {
    ScenarioPlan plan =
        ScenarioPlan.of(
            Scenario.builder()
                .name(name)
                .numInstances(2)
                .strategy(StrategyKind.THREAD)
                .workloadType(WorkloadKind.SLEEP)
                .workDuration(0.1)
                .maxConcurrentJobs(1)
                .repeats(1)
                .timeout(10)
                .jobTimeoutMs(10_000)
                .phase("p")
                .build());
    return new ScenarioResult(
        plan,
        RunStatus.FAILED,
        "boom",
        List.of(),
        1.0,
        Instant.parse("2026-11-27T13:30:00Z"),
        "thread",
        2,
        0,
        0,
        List.of());
  }

  @Test
  void shouldKeepTheLinesBesideTheResultsFileWhenThereIsOne() throws IOException {
    // given
    EngineLogFiles files = EngineLogFiles.beside(folder.resolve("results.json"));

    // when
    String where = files.keep(failed("load/async 10"), LINES);

    // then
    Path log = folder.resolve("results-engine-logs").resolve("load_async_10.log");
    assertThat(Files.readAllLines(log)).isEqualTo(LINES);
    assertThat(where).isEqualTo("the engine's last 2 log lines are in " + log);
  }

  @Test
  void shouldKeepTheLinesInOneTemporaryFolderWhenThereIsNoResultsFile() throws IOException {
    // given
    EngineLogFiles files = EngineLogFiles.besideOrTemporary(null);

    // when
    String first = files.keep(failed("a"), LINES);
    String second = files.keep(failed("b"), LINES);

    // then both scenarios' logs are in the same new folder, named in each error
    Path a = Path.of(first.substring(first.indexOf(" are in ") + " are in ".length()));
    Path b = Path.of(second.substring(second.indexOf(" are in ") + " are in ".length()));
    try {
      assertThat(Files.readAllLines(a)).isEqualTo(LINES);
      assertThat(b.getParent()).isEqualTo(a.getParent());
      assertThat(a.getParent().getFileName().toString()).startsWith("workerbench-engine-logs-");
    } finally {
      Files.deleteIfExists(a);
      Files.deleteIfExists(b);
      Files.deleteIfExists(a.getParent());
    }
  }

  @Test
  void shouldSayNothingWhenTheFileCannotBeWritten() throws IOException {
    // given a results "folder" that is a file
    Path notAFolder = Files.writeString(folder.resolve("taken"), "x");
    EngineLogFiles files = EngineLogFiles.beside(notAFolder.resolve("results.json"));

    // when
    String where = files.keep(failed("a"), LINES);

    // then
    assertThat(where).isNull();
  }
}
