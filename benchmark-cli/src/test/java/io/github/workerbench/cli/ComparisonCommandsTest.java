package io.github.workerbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ComparisonCommandsTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "benchmark | --process-instances=0 | bench benchmark: num_instances must be greater than 0",
        "benchmark-workloads | --process_instances=0"
            + " | bench benchmark-workloads: num_instances must be greater than 0",
        "benchmark | --max_concurrent_jobs=-1 | max_concurrent_jobs must be greater than 0",
        "benchmark-workloads | --max-concurrent-jobs=-1"
            + " | max_concurrent_jobs must be greater than 0",
        "benchmark | --work-duration-seconds=0 | work_duration must be greater than 0",
        "benchmark-workloads | --work_duration_seconds=0 | work_duration must be greater than 0",
        "benchmark | --engine=cloud | bench benchmark: --engine: unknown engine 'cloud'",
        "benchmark-workloads | --engine=cloud | unknown engine 'cloud'",
        "benchmark | --engine-scope=forever"
            + " | bench benchmark: --engine-scope: unknown engine scope 'forever'",
        "benchmark-workloads | --engine-scope=suite | --engine-scope: unknown engine scope 'suite'",
        "benchmark | --engine-cpus=0-1 | --engine-cpus: the engine's CPUs (0-1) pin the container"
            + " engine only",
        "benchmark | --worker-strategy=thread | --worker-strategy is the comparison's own",
        "benchmark-workloads | --workload_type=io | --workload-type is the comparison's own"
      })
  void shouldPrintOneLineAndExitTwoWhenAComparisonOptionIsBad(
      String verb, String option, String expected) {
    // when
    BenchRun run = BenchRun.of(verb, option);

    // then
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().strip()).doesNotContain("\n").contains(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"benchmark", "benchmark-workloads"})
  void shouldShowTheHelpOptionsAndTheComparisonDefaultsWhenHelpIsAsked(String verb) {
    // when
    BenchRun run = BenchRun.of(verb, "--help");

    // then
    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .contains("Usage: bench " + verb)
        .contains("-h, --help", "-V, --version")
        .contains("one job each (default 20)", "(default 0.5)");
  }
}
