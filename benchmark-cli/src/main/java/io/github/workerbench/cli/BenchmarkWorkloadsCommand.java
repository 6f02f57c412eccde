package io.github.workerbench.cli;

import io.github.workerbench.model.scenario.WorkloadKind;
import java.util.List;
import picocli.CommandLine.Command;

/**
 * {@code bench benchmark-workloads}: the seed's strategies × workloads comparison — every
 * strategy on cpu and on io with the same scenario options — printed as one table.
 */
@Command(name = "benchmark-workloads", description = "Compares all five strategies on the cpu and io workloads.")
public final class BenchmarkWorkloadsCommand extends ComparisonCommand {

  public BenchmarkWorkloadsCommand() {
    super("Strategies x workloads", List.of(WorkloadKind.CPU, WorkloadKind.IO));
  }
}
