package io.github.workerbench.engine.state;

import io.github.workerbench.engine.bpmn.ServiceTask;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongSupplier;

/**
 * The process instances, oldest first, and how a token moves through one: each service task in
 * turn gets a job ({@link Jobs#create}), the end completes the instance and its result waiters.
 * Guarded by the {@link EngineState} lock; waiters are completed outside it, through the outbox.
 */
final class Instances {

  private final Keys keys;
  private final Counters counters;
  private final LongSupplier clock;
  private final Jobs jobs;
  private final Map<Long, ProcessInstance> instances = new LinkedHashMap<>();

  Instances(Keys keys, Counters counters, LongSupplier clock, Jobs jobs) {
    this.keys = keys;
    this.counters = counters;
    this.clock = clock;
    this.jobs = jobs;
  }

  /** Starts an instance of a definition; its first job is created and dispatched at once. */
  ProcessInstanceView create(
      ProcessDefinition definition,
      Map<String, Object> variables,
      CompletableFuture<ProcessInstanceView> waiter,
      Outbox out) {
    ProcessInstance instance = new ProcessInstance(keys.next(), definition, now());
    if (variables != null) {
      instance.variables.putAll(variables);
    }
    if (waiter != null) {
      instance.addResultWaiter(waiter);
    }
    instances.put(instance.key, instance);
    counters.instancesCreated++;
    ProcessInstanceView view = instance.view();
    advance(instance, out);
    return view;
  }

  /** Moves a token on: to the next service task (creating its job) or to the end. */
  void advance(ProcessInstance instance, Outbox out) {
    instance.taskIndex++;
    List<ServiceTask> tasks = instance.definition.model().tasks();
    if (instance.taskIndex < tasks.size()) {
      // the element instance's key comes before its job's, as in Zeebe
      long elementInstanceKey = keys.next();
      instance.currentJob = jobs.create(keys.next(), tasks.get(instance.taskIndex), instance, elementInstanceKey, out);
      return;
    }
    instance.currentJob = null;
    instance.state = InstanceState.COMPLETED;
    instance.endDate = now();
    counters.instancesCompleted++;
    if (instance.resultWaiters != null) {
      ProcessInstanceView view = instance.view();
      List<CompletableFuture<ProcessInstanceView>> waiters = instance.resultWaiters;
      instance.resultWaiters = null;
      // completed after the lock is released, so waiters never run under it
      out.later(() -> waiters.forEach(w -> w.complete(view)));
    }
  }

  /**
   * Cancels an active instance and removes its job.
   *
   * @return the result waiters to fail (outside the lock), or null when there are none
   * @throws CommandRejectedException NOT_FOUND when no active instance has the key
   */
  List<CompletableFuture<ProcessInstanceView>> cancel(long processInstanceKey) {
    ProcessInstance instance = instances.get(processInstanceKey);
    if (instance == null || instance.state != InstanceState.ACTIVE) {
      throw new CommandRejectedException(
          RejectionType.NOT_FOUND,
          "Expected to cancel a process instance with key '"
              + processInstanceKey
              + "', but no such process was found");
    }
    if (instance.currentJob != null) {
      jobs.remove(instance.currentJob);
    }
    instance.currentJob = null;
    instance.state = InstanceState.TERMINATED;
    instance.endDate = now();
    counters.instancesCanceled++;
    List<CompletableFuture<ProcessInstanceView>> waiters = instance.resultWaiters;
    instance.resultWaiters = null;
    return waiters;
  }

  /** Instances with the key (null: any) in the state (null: any), oldest first. */
  List<ProcessInstanceView> search(Long processInstanceKey, InstanceState state) {
    List<ProcessInstanceView> result = new ArrayList<>();
    if (processInstanceKey != null) {
      ProcessInstance instance = instances.get(processInstanceKey);
      if (instance != null && (state == null || instance.state == state)) {
        result.add(instance.view());
      }
      return result;
    }
    for (ProcessInstance instance : instances.values()) {
      if (state == null || instance.state == state) {
        result.add(instance.view());
      }
    }
    return result;
  }

  private Instant now() {
    return Instant.ofEpochMilli(clock.getAsLong());
  }
}
