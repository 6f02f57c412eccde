package io.github.workerbench.engine.state;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** A running or finished process instance. Mutable; guarded by the {@link EngineState} lock. */
final class ProcessInstance {

  final long key;
  final ProcessDefinition definition;
  final Map<String, Object> variables = new LinkedHashMap<>();
  final Instant startDate;
  InstanceState state = InstanceState.ACTIVE;
  boolean hasIncident;
  Instant endDate;
  int taskIndex = -1;
  Job currentJob;
  List<CompletableFuture<ProcessInstanceView>> resultWaiters;

  ProcessInstance(long key, ProcessDefinition definition, Instant startDate) {
    this.key = key;
    this.definition = definition;
    this.startDate = startDate;
  }

  void addResultWaiter(CompletableFuture<ProcessInstanceView> waiter) {
    if (resultWaiters == null) {
      resultWaiters = new ArrayList<>(1);
    }
    resultWaiters.add(waiter);
  }

  ProcessInstanceView view() {
    return new ProcessInstanceView(
        key,
        definition.key(),
        definition.model().bpmnProcessId(),
        definition.version(),
        state,
        hasIncident,
        startDate,
        endDate,
        new LinkedHashMap<>(variables));
  }
}
