package io.github.workerbench.model.result;

import io.github.workerbench.model.scenario.AcquisitionKind;
import io.github.workerbench.model.scenario.IdealTime;
import io.github.workerbench.model.scenario.ScenarioPlan;
import io.github.workerbench.model.scenario.StrategyKind;
import io.github.workerbench.model.scenario.TransportKind;
import io.github.workerbench.model.scenario.WorkloadKind;
import java.util.Locale;
import java.util.Objects;

/**
 * Why a repeat (or a scenario) took longer than its ideal time: how its slots were used ({@link
 * SlotUse}), whether the machine rather than the strategy set the result ({@code harnessBound}),
 * the dominant cause and one sentence of advice for it.
 *
 * <p>The rule ({@link #of}): a result within 5% of its ideal time has nothing to explain ({@link
 * Cause#NONE}). Otherwise each part of the slot time that is not useful work competes: the time
 * free awaiting activation, awaiting start, awaiting completion, the rest, and the share of the
 * working time beyond the work's own duration ({@code working × (1 − duration / work per run)}).
 * CPU work on more jobs at once than cores, whose work took longer, is {@link
 * Cause#CPU_BEYOND_CORES} when that share is the largest; a harness-bound repeat is {@link
 * Cause#MACHINE_SATURATED} (its other parts are symptoms of the saturation); else the largest part
 * names the cause, read with the acquisition and transport: free slots under the client's
 * JobWorker polling are its refill threshold, under direct activation or streaming the activation
 * round trips. Immutable and thread-safe.
 *
 * @param slots the slot use the cause was read from
 * @param harnessBound whether the process (with its child processes) used at least {@value
 *     #HARNESS_BOUND_CPU_SHARE} of the cores during the window
 * @param cause the dominant cause
 */
public record Diagnosis(SlotUse slots, boolean harnessBound, Cause cause) {

  /** The share of the cores whose use marks a repeat harness-bound. */
  public static final double HARNESS_BOUND_CPU_SHARE = 0.9;

  /** The efficiency from which a result has nothing to explain. */
  public static final double GOOD_ENOUGH_EFFICIENCY = 0.95;

  /** Work per run this much longer than the work's duration counts as stretched. */
  private static final double STRETCHED = 1.1;

  /** A repeat whose slots were not measured (it failed before its window). */
  public static final Diagnosis NOT_MEASURED = new Diagnosis(SlotUse.NOT_MEASURED, false, Cause.NONE);

  public Diagnosis {
    Objects.requireNonNull(slots, "slots");
    Objects.requireNonNull(cause, "cause");
  }

  /** Whether this diagnosis rests on a measured window. */
  public boolean measured() {
    return slots.measured();
  }

  /** The advice for the cause, one sentence. */
  public String advice() {
    return cause.advice();
  }

  /**
   * The diagnosis of a window's slot use.
   *
   * @param efficiency the result's efficiency (ideal time / measured time)
   * @param cpuShare the CPU the process and its children used during the window, over the window
   *     times the cores (NaN when unknown)
   */
  public static Diagnosis of(SlotUse slots, double efficiency, double cpuShare, Context context) {
    Objects.requireNonNull(context, "context");
    if (!slots.measured()) {
      return NOT_MEASURED;
    }
    boolean harnessBound = cpuShare >= HARNESS_BOUND_CPU_SHARE;
    return new Diagnosis(slots, harnessBound, cause(slots, efficiency, harnessBound, context));
  }

  private static Cause cause(
      SlotUse slots, double efficiency, boolean harnessBound, Context context) {
    if (efficiency >= GOOD_ENOUGH_EFFICIENCY) {
      return Cause.NONE;
    }
    double stretch =
        context.jobSeconds() > 0 && !Double.isNaN(slots.workPerRunSeconds())
            ? slots.workPerRunSeconds() / context.jobSeconds()
            : 1;
    double beyondDuration = stretch > STRETCHED ? slots.working() * (1 - 1 / stretch) : 0;
    double largest =
        Math.max(
            Math.max(beyondDuration, slots.awaitingActivation()),
            Math.max(Math.max(slots.awaitingStart(), slots.awaitingCompletion()), slots.other()));
    if (beyondDuration == largest && beyondDuration > 0 && context.cpuBeyondCores()) {
      return Cause.CPU_BEYOND_CORES;
    }
    if (harnessBound) {
      return Cause.MACHINE_SATURATED;
    }
    if (beyondDuration == largest && beyondDuration > 0) {
      return Cause.WORK_SLOWER;
    }
    if (slots.awaitingActivation() == largest) {
      return context.acquisition() == AcquisitionKind.JOB_WORKER
              && context.transport() != TransportKind.GRPC_STREAM
          ? Cause.REFILL_THRESHOLD
          : Cause.ACTIVATION_ROUND_TRIPS;
    }
    if (slots.awaitingCompletion() == largest) {
      return Cause.COMPLETION_ROUND_TRIPS;
    }
    if (slots.awaitingStart() == largest) {
      return Cause.START_QUEUE;
    }
    return Cause.DRAIN;
  }

  /**
   * What of a scenario the cause is read with.
   *
   * @param jobSeconds the time one job's work takes at the ideal ({@link IdealTime#jobSeconds})
   */
  public record Context(
      StrategyKind strategy,
      WorkloadKind workload,
      AcquisitionKind acquisition,
      TransportKind transport,
      int maxConcurrentJobs,
      double jobSeconds,
      int cores) {

    public Context {
      Objects.requireNonNull(strategy, "strategy");
      Objects.requireNonNull(workload, "workload");
      Objects.requireNonNull(acquisition, "acquisition");
      Objects.requireNonNull(transport, "transport");
    }

    /** The context of a plan run on this many cores. */
    public static Context of(ScenarioPlan plan, int cores) {
      return new Context(
          plan.scenario().strategy(),
          plan.scenario().workloadType(),
          plan.acquisition(),
          plan.transport(),
          plan.maxConcurrentJobs(),
          IdealTime.jobSeconds(plan.scenario().workloadType(), plan.workDuration().toNanos() / 1e9),
          cores);
    }

    /** CPU work on more jobs at once than cores, under a strategy that runs them in parallel. */
    boolean cpuBeyondCores() {
      return workload == WorkloadKind.CPU
          && strategy != StrategyKind.ASYNC
          && maxConcurrentJobs > cores;
    }
  }

  /** The causes the tool knows, each with its advice; ids as results files write them. */
  public enum Cause {
    NONE("Within 5% of the ideal time: nothing to fix."),
    MACHINE_SATURATED(
        "The process used at least 90% of the cores during the window, so the machine, not the"
            + " strategy, set this result: compare strategies on more cores or with the engine"
            + " elsewhere (--engine container or remote)."),
    CPU_BEYOND_CORES(
        "CPU work ran on more jobs at once than there are cores, so each job took longer than its"
            + " duration: lower max_concurrent_jobs to the number of cores."),
    WORK_SLOWER(
        "Each job's work took longer than its work_duration, so the work itself is slow here"
            + " (process start, disk, a downstream call): compare with bench bare, the same work"
            + " without the engine."),
    REFILL_THRESHOLD(
        "Slots sat free because the client's JobWorker asks for more jobs only when 70% of"
            + " max_jobs_active are free: raise max_jobs_active above max_concurrent_jobs (e.g."
            + " twice it) or stream jobs (--transport grpc-stream)."),
    ACTIVATION_ROUND_TRIPS(
        "Slots sat free waiting for each activation's round trip to the engine: keep jobs"
            + " activated ahead of the work (job-worker with max_jobs_active above"
            + " max_concurrent_jobs) or stream them (--transport grpc-stream)."),
    START_QUEUE(
        "Activated jobs waited for the strategy to start them, so it ran fewer at once than"
            + " max_concurrent_jobs (auto and process cap their threads or children, the event loop"
            + " runs cpu work one job at a time): lower max_concurrent_jobs to what it runs, or"
            + " pick a strategy that runs them all."),
    COMPLETION_ROUND_TRIPS(
        "Finished jobs held their slots until the engine acknowledged their completion: complete"
            + " without blocking (an async handler, or send() without join()) so the slot frees at"
            + " once."),
    DRAIN(
        "Slots were free after the last job was handed over (the last round's spread, or fewer"
            + " jobs than slots): no setting fixes it; more jobs per run make it smaller.");

    private final String advice;

    Cause(String advice) {
      this.advice = advice;
    }

    /** The id in results files, e.g. {@code refill_threshold}. */
    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** One sentence of advice. */
    public String advice() {
      return advice;
    }

    /** The cause with this id, or {@code null} when the id is unknown (a newer file). */
    public static Cause fromId(String id) {
      for (Cause cause : values()) {
        if (cause.id().equals(id)) {
          return cause;
        }
      }
      return null;
    }

    /**
     * Whether this cause lies outside the execution model (acquisition, completion, the machine):
     * a strategy comparison whose results differ in such a cause is confounded by it.
     */
    public boolean outsideTheStrategy() {
      return this == MACHINE_SATURATED
          || this == REFILL_THRESHOLD
          || this == ACTIVATION_ROUND_TRIPS
          || this == COMPLETION_ROUND_TRIPS;
    }
  }
}
