package io.github.workerbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Scenarios that cannot go well still run: a job timeout shorter than the work (redeliveries) and
 * a timeout that cannot fit the ideal time are flagged on stderr and in the result's warnings.
 */
class RunCommandFlaggedIT {

  @TempDir Path folder;

  @Test
  void shouldRunAndFlagTheScenariosWhenTheirTimeoutsCannotFit() throws Exception {
    // given
    Path scenarios =
        Files.writeString(
            folder.resolve("flagged.json"),
            """
            [{"name": "short_job_timeout", "num_instances": 2, "strategy": "thread",
              "workload_type": "sleep", "work_duration": 0.3, "max_concurrent_jobs": 10,
              "repeats": 1, "timeout": 30, "job_timeout_ms": 100, "transport": "grpc-stream",
              "description": "d", "phase": "flags"},
             {"name": "short_timeout", "num_instances": 4, "strategy": "thread",
              "workload_type": "sleep", "work_duration": 0.2, "max_concurrent_jobs": 1,
              "repeats": 1, "timeout": 0.3, "job_timeout_ms": 30000,
              "description": "d", "phase": "flags"}]
            """);
    Path results = folder.resolve("results.json");
    StringWriter err = new StringWriter();
    CommandLine commandLine = BenchCli.newCommandLine();
    commandLine.setErr(new PrintWriter(err, true));
    commandLine.setOut(new PrintWriter(new StringWriter(), true));

    // when
    int exit =
        commandLine.execute(
            "run", scenarios.toString(), "--output", results.toString(), "--continue-on-error",
            "--no-summary");

    // then both ran; the second could not succeed
    assertThat(exit).as(err.toString()).isEqualTo(1);
    assertThat(err.toString())
        .contains("  warning: job_timeout_ms 100 is shorter than the work of up to 300 ms")
        .contains("redeliveries: jobs were activated again")
        .contains("  warning: timeout of 0.300 s cannot fit the ideal time of 0.800 s");
    List<JsonNode> saved = new ArrayList<>();
    new ObjectMapper().readTree(results.toFile()).get("results").forEach(saved::add);
    assertThat(saved).hasSize(2);
    assertThat(saved.get(0).get("warnings").toString())
        .contains("job_timeout_ms 100 is shorter than the work")
        .contains("redeliveries");
    assertThat(saved.get(0).get("redeliveries").asInt()).isPositive();
    assertThat(saved.get(1).get("status").asText()).isEqualTo("failed");
    assertThat(saved.get(1).get("warnings").toString())
        .contains("timeout of 0.300 s cannot fit the ideal time of 0.800 s");
  }
}
