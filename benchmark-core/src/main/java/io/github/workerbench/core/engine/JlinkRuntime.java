package io.github.workerbench.core.engine;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The engine image's Java runtime, made with the tools of the running JDK: the modules the
 * runnable engine jar uses ({@code jdeps}), a runtime of only those ({@code jlink}), and the
 * shared libraries outside it that its binaries load ({@code ldd}). See {@link EngineImage}.
 * Stateless.
 */
final class JlinkRuntime {

  private static final Duration TOOL_TIMEOUT = Duration.ofMinutes(10);
  private static final Pattern LDD_PATH = Pattern.compile("(?:=>\\s*)?(/\\S+)\\s+\\(0x[0-9a-f]+\\)");

  private JlinkRuntime() {}

  static String modules(Path engineJar) {
    String output =
        run(
            "jdeps",
            "--print-module-deps",
            "--ignore-missing-deps",
            "--multi-release",
            Integer.toString(Runtime.version().feature()),
            engineJar.toString());
    String[] lines = output.strip().split("\n");
    String modules = lines[lines.length - 1].strip(); // after any warnings
    if (!modules.matches("[a-z][a-z0-9._]*(,[a-z][a-z0-9._]*)*")) {
      throw new EngineStartException(
          "Expected jdeps to list the engine's modules, but it printed: " + output);
    }
    return modules;
  }

  static void link(String modules, Path runtime) {
    run(
        "jlink",
        "--add-modules",
        modules,
        "--strip-debug",
        "--no-man-pages",
        "--no-header-files",
        "--compress=zip-6",
        "--generate-cds-archive",
        "--output",
        runtime.toString());
  }

  /**
   * Runs a tool of the running JDK ({@code java.home/bin}) in a process of its own (jlink's CDS
   * step prints to the standard output of whatever runs it); its output, or an exception with
   * it.
   */
  private static String run(String tool, String... args) {
    Path executable = Path.of(System.getProperty("java.home"), "bin", tool);
    if (!Files.isExecutable(executable)) {
      throw new EngineStartException(
          "Expected the JDK tool "
              + executable
              + ", but it is not there; run with a JDK (not a JRE) 21 or newer");
    }
    List<String> command = new ArrayList<>();
    command.add(executable.toString());
    command.addAll(List.of(args));
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(TOOL_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new EngineStartException("Expected " + tool + " to finish, but it hung");
      }
      if (process.exitValue() != 0) {
        throw new EngineStartException(
            "Expected "
                + String.join(" ", command)
                + " to succeed, but it exited with "
                + process.exitValue()
                + ": "
                + output.strip());
      }
      return output;
    } catch (IOException e) {
      throw new EngineStartException("Expected to run " + executable + ", but " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EngineStartException("Interrupted while running " + tool, e);
    }
  }

  /**
   * The libraries outside the runtime that its binaries link to, as {@code ldd} resolves them:
   * where the dynamic loader of the image will look for them (no {@code ld.so.cache} there, so
   * the loader's own default folders, which are where {@code ldd} found them).
   */
  static Set<Path> sharedLibraries(Path runtime) throws IOException {
    Set<Path> libraries = new TreeSet<>();
    List<Path> binaries;
    try (Stream<Path> files = Files.walk(runtime)) {
      binaries = files.filter(Files::isRegularFile).filter(JlinkRuntime::isElf).toList();
    }
    for (Path binary : binaries) {
      libraries.addAll(linkedLibraries(ldd(binary), runtime));
    }
    if (libraries.isEmpty()) {
      throw new EngineStartException(
          "Expected ldd to name the C library the runtime links to, but it named nothing");
    }
    return libraries;
  }

  /** The absolute library paths in {@code ldd} output, those inside {@code runtime} left out. */
  static Set<Path> linkedLibraries(String lddOutput, Path runtime) {
    Set<Path> paths = new TreeSet<>();
    for (String line : lddOutput.split("\n")) {
      if (line.contains("not found")) {
        continue; // absent on this machine, so the runtime never loads it here either
      }
      Matcher matcher = LDD_PATH.matcher(line);
      if (matcher.find()) {
        Path path = Path.of(matcher.group(1)).normalize();
        if (!path.startsWith(runtime)) {
          paths.add(path);
        }
      }
    }
    return paths;
  }

  private static String ldd(Path binary) throws IOException {
    Process process;
    try {
      process = new ProcessBuilder("ldd", binary.toString()).redirectErrorStream(true).start();
    } catch (IOException e) {
      throw new EngineStartException(
          "Expected ldd (glibc's) to list the runtime's shared libraries, but it cannot run: "
              + e.getMessage(),
          e);
    }
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new EngineStartException("Expected ldd " + binary + " to finish, but it hung");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EngineStartException("Interrupted while running ldd " + binary, e);
    }
    // exit 1 with "not a dynamic executable" for static files: nothing to add
    return output;
  }

  private static boolean isElf(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] magic = in.readNBytes(4);
      return magic.length == 4
          && magic[0] == 0x7f
          && magic[1] == 'E'
          && magic[2] == 'L'
          && magic[3] == 'F';
    } catch (IOException e) {
      return false;
    }
  }
}
