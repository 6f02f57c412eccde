package io.github.workerbench.core.worker;

import io.github.workerbench.core.metrics.JobObserver;
import io.github.workerbench.model.scenario.ScenarioPlan;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Everything a worker needs to start taking jobs for one repeat of a scenario.
 *
 * @param plan the resolved scenario
 * @param jobType the job type to subscribe to (unique per repeat, so nothing leaks between runs)
 * @param source where the jobs come from and their outcomes go (the worker does not close a
 *     client behind it)
 * @param observer receives every job's activation, start, end and completion
 * @param nanoClock the clock for every time handed to the observer
 * @param warmup whether this worker only warms up (unmeasured): observers added with {@link
 *     WorkerFactory#alsoObservedBy} do not see its jobs
 */
public record WorkerSetup(
    ScenarioPlan plan,
    String jobType,
    JobSource source,
    JobObserver observer,
    LongSupplier nanoClock,
    boolean warmup) {

  public WorkerSetup {
    Objects.requireNonNull(plan, "plan");
    Objects.requireNonNull(jobType, "jobType");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(observer, "observer");
    Objects.requireNonNull(nanoClock, "nanoClock");
  }

  /** This setup with {@code extra} also hearing every job event, after the setup's observer. */
  public WorkerSetup alsoObservedBy(JobObserver extra) {
    return new WorkerSetup(
        plan, jobType, source, JobObserver.both(observer, extra), nanoClock, warmup);
  }
}
