package io.github.workerbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TestCommandTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "--process-instances=ten | ten",
        "--process_instances=0 | num_instances must be greater than 0",
        "--max-concurrent-jobs=-1 | max_concurrent_jobs must be greater than 0",
        "--work-duration-seconds=0 | work_duration must be greater than 0",
        "--worker-strategy=fork | unknown strategy 'fork'",
        "--workload-type=gpu | unknown workload",
        "--transport=udp | unknown transport 'udp'",
        "--acquisition=push | unknown acquisition 'push'",
        "--jitter-pct=1.5 | jitter_pct must be between 0 and 1",
        "--engine=cloud | unknown engine 'cloud'",
        "--engine-cpus=0-1 | --engine-cpus: the engine's CPUs (0-1) pin the container engine only",
        "--engine-scope=scenario | Unknown option: '--engine-scope=scenario'",
        "--repeat_runs=1.5 | 1.5",
        "--job-timeout-milliseconds=0 | job_timeout_ms must be greater than 0",
        "--timeout-seconds=-1 | timeout must be greater than 0",
        "--failure-rate=2 | failure_rate must be between 0 and 1",
        "--max-jobs-active=0 | max_jobs_active must be greater than 0",
        "--jitter-pct=lots | lots",
        "--process-instances=99999999999 | 99999999999",
        "--engine-latency-jitter-ms=5 | engine_latency_jitter_ms must be between 0 and engine_latency_ms (0)",
        "--engine-max-inflight=-1 | engine_max_inflight must not be negative",
        "--engine-latency-ms=-3 | engine_latency_ms must not be negative",
        "--handler=acme.Nowhere | handler acme.Nowhere: no such class in the harness's class path",
        "--handler-jar=my-worker.jar | --handler-jar needs --handler",
        "--variables=no-such-vars.json | --variables no-such-vars.json: no such file"
      })
  void shouldPrintOneLineAndExitTwoWhenAnOptionIsBad(String option, String expected) {
    // when
    BenchRun run = BenchRun.of("test", option);
    // then
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().strip()).doesNotContain("\n").contains(expected);
  }

  @org.junit.jupiter.api.Test
  void shouldRefuseTheLatencyWhenTheEngineIsNotTheEmbeddedOne() {
    // when
    BenchRun run = BenchRun.of("test", "--engine", "remote", "--engine-latency-ms", "25");
    // then nothing ran: one line naming the options and the engine
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().strip())
        .doesNotContain("\n")
        .contains("simulated by the embedded engine only, but the engine is remote")
        .contains("--engine-latency-ms");
  }

  @org.junit.jupiter.api.Test
  void shouldPrintOneLineNamingTheFileWhenTheVariablesAreNotJson(@TempDir Path dir) throws Exception {
    // given a variables file cut off in the middle of its object
    Path variables = dir.resolve("vars.json");
    Files.writeString(variables, "{\"order\": 47");
    // when
    BenchRun run = BenchRun.of("test", "--variables", variables.toString());
    // then nothing ran: one line naming the file and where its JSON broke
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().strip())
        .doesNotContain("\n")
        .contains("--variables " + variables + ": not valid JSON (line 1, column ");
  }
}
