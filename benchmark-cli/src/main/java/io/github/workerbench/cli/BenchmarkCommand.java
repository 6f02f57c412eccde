package io.github.workerbench.cli;

import io.github.workerbench.model.scenario.WorkloadKind;
import java.util.List;
import picocli.CommandLine.Command;

/**
 * {@code bench benchmark}: the seed's strategy comparison — every strategy on the cpu workload
 * with the same scenario options — printed as one table. Exit 0 when every scenario succeeded, 1
 * otherwise, 2 for bad input (also for {@code --worker-strategy} or {@code --workload-type}, which
 * the comparison sets itself), 130 after Ctrl-C (the running scenario stops, is shown as
 * interrupted, and no further one runs).
 */
@Command(name = "benchmark", description = "Compares all five strategies on the cpu workload.")
public final class BenchmarkCommand extends ComparisonCommand {

  public BenchmarkCommand() {
    super("Strategies on cpu", List.of(WorkloadKind.CPU));
  }
}
