package io.github.workerbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.workerbench.model.scenario.AcquisitionKind;
import io.github.workerbench.model.scenario.Scenario;
import io.github.workerbench.model.scenario.ScenarioPlan;
import io.github.workerbench.model.scenario.StrategyKind;
import io.github.workerbench.model.scenario.TransportKind;
import io.github.workerbench.model.scenario.WorkloadKind;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The scenario options: their defaults come from the model, given ones replace them. */
class ScenarioOptionsTest {

  private static ScenarioOptions parsed(Object command, String... args) {
    CommandLine commandLine = new CommandLine(command);
    commandLine.parseArgs(args);
    return commandLine.getCommandSpec().mixins().get("scenario").userObject() instanceof
            ScenarioOptions options
        ? options
        : null;
  }

  @Test
  void shouldTakeTheModelsSingleScenarioDefaultsWhenTestGetsNoOption() {
    // when
    Scenario scenario = parsed(new TestCommand()).scenario("test", "test");

    // then
    ScenarioPlan.Defaults defaults = ScenarioPlan.SINGLE_SCENARIO;
    assertThat(scenario.numInstances()).isEqualTo(defaults.numInstances()).isEqualTo(10);
    assertThat(scenario.strategy()).isEqualTo(defaults.strategy()).isEqualTo(StrategyKind.ASYNC);
    assertThat(scenario.workloadType()).isEqualTo(WorkloadKind.CPU);
    assertThat(scenario.workDuration()).isEqualTo(defaults.workDurationSeconds());
    assertThat(scenario.maxConcurrentJobs()).isEqualTo(defaults.maxConcurrentJobs());
    assertThat(scenario.repeats()).isEqualTo(defaults.repeats());
    assertThat(scenario.jobTimeoutMs()).isEqualTo(defaults.jobTimeoutMs()).isEqualTo(300_000);
    assertThat(scenario.transport()).isEqualTo(TransportKind.REST);
    assertThat(scenario.acquisition()).isEqualTo(AcquisitionKind.JOB_WORKER);
    assertThat(scenario.maxJobsActive()).isNull();
    // async cpu, 10 jobs of 1 s: ideal 10 s, so 3 × 10 + 30 = 60 s
    assertThat(scenario.timeout()).isEqualTo(60);
  }

  @Test
  void shouldTakeTheComparisonDefaultsWhenBenchmarkGetsNoOption() {
    // when
    Scenario scenario =
        parsed(new BenchmarkCommand())
            .scenario("b", "benchmark", StrategyKind.THREAD, WorkloadKind.IO);

    // then
    assertThat(scenario.numInstances()).isEqualTo(ScenarioPlan.COMPARISON.numInstances());
    assertThat(scenario.workDuration()).isEqualTo(ScenarioPlan.COMPARISON.workDurationSeconds());
    assertThat(scenario.strategy()).isEqualTo(StrategyKind.THREAD);
    assertThat(scenario.workloadType()).isEqualTo(WorkloadKind.IO);
  }

  @Test
  void shouldUseTheGivenValuesWhenOptionsAreGivenInEitherSpelling() {
    // when
    Scenario scenario =
        parsed(
                new TestCommand(),
                "--process_instances=7",
                "--worker-strategy=virtual",
                "--workload_type=sleep",
                "--repeats=2",
                "--timeout-seconds=5",
                "--max-jobs-active=3",
                "--transport=grpc-poll")
            .scenario("test", "test");

    // then
    assertThat(scenario.numInstances()).isEqualTo(7);
    assertThat(scenario.strategy()).isEqualTo(StrategyKind.VIRTUAL);
    assertThat(scenario.workloadType()).isEqualTo(WorkloadKind.SLEEP);
    assertThat(scenario.repeats()).isEqualTo(2);
    assertThat(scenario.timeout()).isEqualTo(5);
    assertThat(scenario.maxJobsActive()).isEqualTo(3);
    assertThat(scenario.transport()).isEqualTo(TransportKind.GRPC_POLL);
  }

  @Test
  void shouldShowTheModelsDefaultsWhenHelpIsAsked() {
    // given
    StringWriter test = new StringWriter();
    StringWriter benchmark = new StringWriter();

    // when
    new CommandLine(new TestCommand()).usage(new PrintWriter(test));
    new CommandLine(new BenchmarkCommand()).usage(new PrintWriter(benchmark));

    // then
    assertThat(test.toString()).contains("one job each (default 10)", "(default 300000)");
    assertThat(benchmark.toString()).contains("one job each (default 20)", "(default 0.5)");
  }
}
