package io.github.workerbench.cli;

import io.github.workerbench.model.result.RunStatus;
import io.github.workerbench.model.result.ScenarioResult;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;

/**
 * A {@code bench run} in a child JVM whose scenarios succeed at once, except the second, which
 * waits until interrupted: lets {@link RunCommandInterruptIT} press Ctrl-C mid-scenario.
 */
public final class InterruptibleRunMain {

  private InterruptibleRunMain() {}

  public static void main(String[] args) {
    RunCommand.ExecutorFactory factory =
        (engine, progress, warmup, engineLogs) ->
            plan -> {
              RunStatus status = RunStatus.SUCCESS;
              if (plan.name().equals("smoke_thread")) {
                System.out.println("STARTED " + plan.name());
                System.out.flush();
                try {
                  new CountDownLatch(1).await();
                } catch (InterruptedException e) {
                  status = RunStatus.INTERRUPTED;
                }
              }
              return new ScenarioResult(
                  plan,
                  status,
                  status == RunStatus.SUCCESS ? null : "stopped by the user",
                  List.of(),
                  0.5,
                  Instant.now(),
                  "thread",
                  2,
                  0,
                  0,
                  List.of());
            };
    System.exit(new CommandLine(new RunCommand(factory)).execute(args));
  }
}
