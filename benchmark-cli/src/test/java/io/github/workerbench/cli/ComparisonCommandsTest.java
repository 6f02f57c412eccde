package io.github.workerbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

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
    // given
    StringWriter err = new StringWriter();
    CommandLine commandLine = BenchCli.newCommandLine();
    commandLine.setErr(new PrintWriter(err));
    commandLine.setOut(new PrintWriter(new StringWriter()));

    // when
    int exitCode = commandLine.execute(verb, option);

    // then
    assertThat(exitCode).isEqualTo(2);
    assertThat(err.toString().strip()).doesNotContain("\n").contains(expected);
  }
}
