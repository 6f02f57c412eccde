import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * Sums up the CPU samples of one measured window of a profiled {@code bench} run (docs/PERFORMANCE.md,
 * issue 15): a JFR file written by async-profiler ({@code event=cpu,...,jfr}) or by the JDK's own
 * recorder. Run it with the JDK's source launcher:
 *
 * <pre>java benchmarks/profile/ProfileSummary.java p.jfr [thread-pattern] [top]</pre>
 *
 * <p>The window is the span from the first to the last sample of the last thread whose name matches
 * the pattern (default {@code wb-direct-activation}: the activation loop of the last repeat, which
 * lives exactly as long as its worker). Each sample is charged to its owner, the frame nearest the
 * leaf that belongs to a known library (the harness, the engine, the client, gRPC, Netty, protobuf,
 * Jackson, HdrHistogram), else to its thread (the JIT compiler, the GC, the virtual-thread
 * scheduler). Then the frames with the most samples at the leaf (self) and anywhere in the stack
 * (total, the harness's, the client's, gRPC's and the JDK's concurrency frames only).
 */
public class ProfileSummary {

  private static final Map<String, String> OWNERS = new LinkedHashMap<>();

  static {
    OWNERS.put("io.github.workerbench.core", "harness");
    OWNERS.put("io.github.workerbench.engine", "engine (ours)");
    OWNERS.put("org.HdrHistogram", "harness (HdrHistogram)");
    OWNERS.put("io.camunda.client", "client");
    OWNERS.put("io.camunda.zeebe", "protobuf");
    OWNERS.put("com.google.protobuf", "protobuf");
    OWNERS.put("io.grpc", "gRPC");
    OWNERS.put("io.netty", "Netty");
    OWNERS.put("com.fasterxml", "Jackson");
    OWNERS.put("org.apache.hc", "HTTP client");
  }

  public static void main(String[] args) throws Exception {
    if (args.length < 1) {
      System.err.println("usage: java ProfileSummary.java FILE.jfr [thread-pattern] [top]");
      System.exit(2);
    }
    Pattern window = Pattern.compile(args.length > 1 ? args[1] : "wb-direct-activation");
    int top = args.length > 2 ? Integer.parseInt(args[2]) : 15;
    List<RecordedEvent> samples = new ArrayList<>();
    try (RecordingFile file = new RecordingFile(Path.of(args[0]))) {
      while (file.hasMoreEvents()) {
        RecordedEvent event = file.readEvent();
        if (event.getEventType().getName().equals("jdk.ExecutionSample")
            && event.getStackTrace() != null) {
          samples.add(event);
        }
      }
    }
    Instant[] span = lastThreadSpan(samples, window);
    Map<String, Integer> owners = new HashMap<>();
    Map<String, Integer> self = new HashMap<>();
    Map<String, Integer> total = new HashMap<>();
    int n = 0;
    for (RecordedEvent sample : samples) {
      if (sample.getStartTime().isBefore(span[0]) || sample.getStartTime().isAfter(span[1])) {
        continue;
      }
      n++;
      List<RecordedFrame> frames = sample.getStackTrace().getFrames();
      owners.merge(owner(frames, threadName(sample)), 1, Integer::sum);
      if (!frames.isEmpty()) {
        self.merge(name(frames.get(0)), 1, Integer::sum);
      }
      Set<String> seen = new HashSet<>();
      for (RecordedFrame frame : frames) {
        String name = name(frame);
        if (seen.add(name) && inTotals(name)) {
          total.merge(name, 1, Integer::sum);
        }
      }
    }
    System.out.printf(
        "window %s .. %s (%.3f s), %d samples%n",
        span[0], span[1], Duration.between(span[0], span[1]).toNanos() / 1e9, n);
    print("owner (nearest known frame to the leaf, else the thread)", owners, n, top);
    print("self", self, n, top);
    print("total (harness, client, gRPC, java.util.concurrent)", total, n, top);
  }

  /** First and last sample of the last-started thread matching the pattern; all when none. */
  private static Instant[] lastThreadSpan(List<RecordedEvent> samples, Pattern pattern) {
    Map<Long, Instant[]> spans = new HashMap<>();
    for (RecordedEvent sample : samples) {
      if (pattern.matcher(threadName(sample)).find()) {
        RecordedThread thread = sample.getThread("sampledThread");
        long id = thread.getJavaThreadId() != 0 ? thread.getJavaThreadId() : thread.getOSThreadId();
        Instant at = sample.getStartTime();
        Instant[] span = spans.computeIfAbsent(id, k -> new Instant[] {at, at});
        if (at.isBefore(span[0])) {
          span[0] = at;
        }
        if (at.isAfter(span[1])) {
          span[1] = at;
        }
      }
    }
    Instant[] last = {Instant.MIN, Instant.MAX};
    for (Instant[] span : spans.values()) {
      if (last[0] == Instant.MIN || span[0].isAfter(last[0])) {
        last = span;
      }
    }
    return last;
  }

  private static String threadName(RecordedEvent sample) {
    RecordedThread thread = sample.getThread("sampledThread");
    if (thread == null) {
      return "?";
    }
    return thread.getJavaName() != null ? thread.getJavaName() : String.valueOf(thread.getOSName());
  }

  private static String owner(List<RecordedFrame> frames, String thread) {
    for (RecordedFrame frame : frames) {
      String name = name(frame);
      for (Map.Entry<String, String> owner : OWNERS.entrySet()) {
        if (name.startsWith(owner.getKey())) {
          return owner.getValue();
        }
      }
    }
    if (thread.contains("CompilerThre")) {
      return "JIT compiler";
    }
    if (thread.startsWith("GC ") || thread.startsWith("G1 ")) {
      return "GC";
    }
    if (thread.startsWith("ForkJoinPool")) {
      return "JDK: virtual-thread scheduler";
    }
    return "JDK, other (" + thread.replaceAll("\\d+", "N") + ")";
  }

  private static boolean inTotals(String name) {
    return name.startsWith("io.github.workerbench")
        || name.startsWith("io.camunda.client")
        || name.startsWith("io.grpc.internal")
        || name.startsWith("java.util.concurrent");
  }

  private static String name(RecordedFrame frame) {
    RecordedMethod method = frame.getMethod();
    if (method == null) {
      return "?";
    }
    String type = method.getType() == null ? "" : method.getType().getName();
    return type + "." + method.getName();
  }

  private static void print(String title, Map<String, Integer> counts, int n, int top) {
    System.out.println("== " + title);
    counts.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
        .limit(top)
        .forEach(e -> System.out.printf("%6.1f%% %6d  %s%n", 100.0 * e.getValue() / n, e.getValue(), e.getKey()));
  }
}
