package io.github.workerbench.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command that starts a child JVM of the tests, such that Ctrl-C (SIGINT) reaches it.
 *
 * <p>A process tree started in the background by a non-interactive shell ignores SIGINT, and a
 * JVM that starts with SIGINT ignored never runs its shutdown hooks on it: a Ctrl-C test would
 * then fail for a reason that has nothing to do with the code. Where this JVM ignores SIGINT
 * (Linux: bit 2 of {@code SigIgn} in {@code /proc/self/status}), the child is started through
 * coreutils' {@code env --default-signal=INT}, which restores the default before the exec.
 */
final class ChildJava {

  private ChildJava() {}

  /** {@code java} of this JVM, prefixed where needed so the child receives SIGINT. */
  static List<String> command(String... arguments) {
    List<String> command = new ArrayList<>();
    if (sigintIgnored()) {
      command.addAll(List.of("env", "--default-signal=INT"));
    }
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of(arguments));
    return command;
  }

  private static boolean sigintIgnored() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("SigIgn:")) {
          long mask = Long.parseUnsignedLong(line.substring("SigIgn:".length()).trim(), 16);
          return (mask & (1L << 1)) != 0; // SIGINT is signal 2, bit 1
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux, or no /proc: nothing to restore
    }
    return false;
  }
}
