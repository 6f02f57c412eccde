package io.github.workerbench.cli;

import io.github.workerbench.model.scenario.WorkloadKind;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code bench benchmark-workloads}: the seed's strategies × workloads comparison — every
 * strategy on cpu and on io with the same scenario options — printed as one table.
 */
@Command(
    name = "benchmark-workloads",
    mixinStandardHelpOptions = true,
    defaultValueProvider = ScenarioOptions.Comparison.class,
    description = "Compares all five strategies on the cpu and io workloads.")
public final class BenchmarkWorkloadsCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @Mixin ScenarioOptions scenario;

  @Mixin EngineOptions engine;

  @Mixin EngineScopeOption engineScope;

  @Override
  public Integer call() {
    return BenchmarkCommand.compare(
        spec, "Strategies x workloads", List.of(WorkloadKind.CPU, WorkloadKind.IO), scenario,
        engine, engineScope);
  }
}
