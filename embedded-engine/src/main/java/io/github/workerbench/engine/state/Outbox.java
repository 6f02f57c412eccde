package io.github.workerbench.engine.state;

import java.util.ArrayList;
import java.util.List;

/**
 * What one change under the engine lock must hand on once the lock is released: jobs for a poll or
 * a stream, and actions such as completing the waiters of a finished instance. Collecting them
 * under the lock and running them after it keeps a slow or dead client from ever blocking the
 * engine ({@link JobDispatch#deliver}). One per change; not thread-safe.
 */
final class Outbox {

  private List<Delivery> deliveries;

  /** Jobs activated for one receiver, sent as one delivery. */
  void add(JobReceiver receiver, List<Job> jobs, long[] activations, List<ActivatedJobData> data) {
    add(new Delivery(receiver, jobs, activations, data, null));
  }

  /** An action to run outside the lock, in order with the deliveries. */
  void later(Runnable action) {
    add(new Delivery(null, List.of(), null, List.of(), action));
  }

  boolean isEmpty() {
    return deliveries == null || deliveries.isEmpty();
  }

  /** Takes what was collected, leaving the outbox empty. */
  List<Delivery> drain() {
    List<Delivery> drained = deliveries == null ? List.of() : deliveries;
    deliveries = null;
    return drained;
  }

  private void add(Delivery delivery) {
    if (deliveries == null) {
      deliveries = new ArrayList<>(2);
    }
    deliveries.add(delivery);
  }

  /**
   * One hand-over: either jobs for a receiver (with the activation each job had when it was taken,
   * so a failed delivery returns only that very activation), or an action.
   */
  record Delivery(
      JobReceiver receiver,
      List<Job> jobs,
      long[] activations,
      List<ActivatedJobData> data,
      Runnable action) {}
}
