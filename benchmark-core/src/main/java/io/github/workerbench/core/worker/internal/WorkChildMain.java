package io.github.workerbench.core.worker.internal;

import io.github.workerbench.core.workload.CpuCalibration;
import io.github.workerbench.core.workload.Workload;
import io.github.workerbench.model.scenario.WorkloadKind;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * A long-lived child JVM of the {@code process} strategy. Line protocol over stdin/stdout, one
 * job at a time: it prints {@code ready} once started, then for each request line {@code
 * <workload-id> <duration-nanos>} does the work (blocking form) and answers {@code ok} or {@code
 * error <message>}. It exits when stdin closes. Internal: not an API.
 */
public final class WorkChildMain {

  private WorkChildMain() {}

  /**
   * Serves work requests.
   *
   * @param args exactly one: the parent's CPU calibration in iterations per second
   */
  public static void main(String[] args) throws Exception {
    CpuCalibration calibration = CpuCalibration.fixed(Double.parseDouble(args[0]));
    Map<WorkloadKind, Workload> workloads = new EnumMap<>(WorkloadKind.class);
    PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    out.println("ready");
    out.flush();
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      String reply;
      try {
        String[] parts = line.trim().split(" ");
        WorkloadKind kind = WorkloadKind.fromId(parts[0]);
        Duration duration = Duration.ofNanos(Long.parseLong(parts[1]));
        workloads.computeIfAbsent(kind, k -> Workload.of(k, calibration)).run(duration);
        reply = "ok";
      } catch (Exception e) {
        reply = "error " + String.valueOf(e.getMessage()).replace('\n', ' ');
      }
      out.println(reply);
      out.flush();
    }
  }
}
