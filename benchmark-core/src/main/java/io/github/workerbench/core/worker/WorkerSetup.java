package io.github.workerbench.core.worker;

import io.camunda.client.CamundaClient;
import io.github.workerbench.core.metrics.JobObserver;
import io.github.workerbench.model.scenario.ScenarioPlan;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Everything a worker needs to start taking jobs for one repeat of a scenario.
 *
 * @param plan the resolved scenario
 * @param jobType the job type to subscribe to (unique per repeat, so nothing leaks between runs)
 * @param client a client already configured for the plan's transport; the worker does not close it
 * @param observer receives every job's activation, start, end and completion
 * @param nanoClock the clock for every time handed to the observer
 * @param warmup whether this worker only warms up (unmeasured): observers added with {@link
 *     WorkerFactory#alsoObservedBy} do not see its jobs
 */
public record WorkerSetup(
    ScenarioPlan plan,
    String jobType,
    CamundaClient client,
    JobObserver observer,
    LongSupplier nanoClock,
    boolean warmup) {

  /** The setup of a measured worker. */
  public WorkerSetup(
      ScenarioPlan plan,
      String jobType,
      CamundaClient client,
      JobObserver observer,
      LongSupplier nanoClock) {
    this(plan, jobType, client, observer, nanoClock, false);
  }

  public WorkerSetup {
    Objects.requireNonNull(plan, "plan");
    Objects.requireNonNull(jobType, "jobType");
    Objects.requireNonNull(client, "client");
    Objects.requireNonNull(observer, "observer");
    Objects.requireNonNull(nanoClock, "nanoClock");
  }
}
