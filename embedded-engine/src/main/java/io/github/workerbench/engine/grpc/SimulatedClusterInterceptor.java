package io.github.workerbench.engine.grpc;

import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.ActivateJobsRequest;
import io.github.workerbench.engine.cluster.ClusterConditions;
import io.github.workerbench.engine.cluster.SimulatedCluster;
import io.grpc.ForwardingServerCall.SimpleForwardingServerCall;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Makes the gRPC endpoint answer as a remote cluster does ({@link SimulatedCluster}): every call's
 * request reaches the engine one latency later, so its answer comes that much later (a long poll
 * is parked that much later); every job pushed to a stream is sent one latency after the engine
 * pushed it, in order; and a command beyond the in-flight limit is refused, after the latency, with
 * Zeebe's {@code RESOURCE_EXHAUSTED} (for ActivateJobs with the gateway's message naming the job
 * type), which the Camunda client's own retry policy retries. CompleteJob, FailJob,
 * CancelProcessInstance and DeployResource are never refused, as Zeebe never refuses them;
 * Topology and StreamActivatedJobs are no commands.
 *
 * <p>A call arriving while the cluster simulates nothing passes straight through. Thread-safe.
 * Each call's listener events are forwarded under the call's own lock, so a
 * delayed delivery never races the transport's cancellation.
 */
public final class SimulatedClusterInterceptor implements ServerInterceptor {

  private static final Set<String> NEVER_REFUSED =
      Set.of("CompleteJob", "FailJob", "CancelProcessInstance", "DeployResource");
  private static final Set<String> NO_COMMANDS = Set.of("Topology", "StreamActivatedJobs");
  private static final String STREAM = "StreamActivatedJobs";

  private final SimulatedCluster cluster;

  public SimulatedClusterInterceptor(SimulatedCluster cluster) {
    this.cluster = Objects.requireNonNull(cluster, "cluster");
  }

  @Override
  public <Q, A> ServerCall.Listener<Q> interceptCall(
      ServerCall<Q, A> call, Metadata headers, ServerCallHandler<Q, A> next) {
    ClusterConditions conditions = cluster.conditions();
    if (!conditions.active()) {
      // the engine as it is: nothing between the call and the service
      return next.startCall(call, headers);
    }
    String method = call.getMethodDescriptor().getBareMethodName();
    ServerCall<Q, A> answering =
        STREAM.equals(method) && conditions.delays() ? new DelayedSends<>(call) : call;
    ServerCall.Listener<Q> listener = next.startCall(answering, headers);
    boolean command = !NO_COMMANDS.contains(method);
    if (!command && !conditions.delays()) {
      return listener;
    }
    return new Arrival<>(call, listener, command, NEVER_REFUSED.contains(method));
  }

  /**
   * A call's request on its way to the engine: held until the client half-closed it, then admitted
   * (or refused) and delivered one latency later.
   */
  private final class Arrival<Q, A> extends ServerCall.Listener<Q> {
    private final ServerCall<Q, A> call;
    private final ServerCall.Listener<Q> engine;
    private final boolean command;
    private final boolean neverRefused;
    private final List<Q> messages = new ArrayList<>(1);
    private boolean cancelled;
    private boolean delivered;

    Arrival(ServerCall<Q, A> call, ServerCall.Listener<Q> engine, boolean command, boolean neverRefused) {
      this.call = call;
      this.engine = engine;
      this.command = command;
      this.neverRefused = neverRefused;
    }

    @Override
    public synchronized void onMessage(Q message) {
      if (delivered) {
        engine.onMessage(message);
      } else {
        messages.add(message);
      }
    }

    @Override
    public void onHalfClose() {
      boolean admitted = !command || cluster.admit(neverRefused);
      long due = System.nanoTime() + cluster.nextDelayNanos();
      if (admitted) {
        cluster.runAt(due, this::deliver);
      } else {
        cluster.runAt(due, this::refuse);
      }
    }

    private void deliver() {
      try {
        synchronized (this) {
          if (cancelled) {
            return;
          }
          delivered = true;
          messages.forEach(engine::onMessage);
          messages.clear();
          engine.onHalfClose();
        }
      } finally {
        if (command) {
          cluster.release();
        }
      }
    }

    private synchronized void refuse() {
      if (cancelled) {
        return;
      }
      String message =
          !messages.isEmpty() && messages.get(0) instanceof ActivateJobsRequest activation
              ? SimulatedCluster.activationRefused(activation.getType())
              : SimulatedCluster.REQUEST_LIMIT_EXHAUSTED;
      try {
        call.close(Status.RESOURCE_EXHAUSTED.withDescription(message), new Metadata());
      } catch (IllegalStateException alreadyClosed) {
        // the client went away meanwhile
      }
    }

    @Override
    public synchronized void onCancel() {
      cancelled = true;
      engine.onCancel();
    }

    @Override
    public synchronized void onComplete() {
      engine.onComplete();
    }

    @Override
    public synchronized void onReady() {
      engine.onReady();
    }
  }

  /**
   * A stream's sends, each one latency after the engine made it and never before the one before
   * it, so the client sees every pushed job that much later and in order; the close follows the
   * last send. Called by the engine's deliveries, which serialize per stream.
   */
  private final class DelayedSends<Q, A> extends SimpleForwardingServerCall<Q, A> {
    private long lastDue;

    DelayedSends(ServerCall<Q, A> call) {
      super(call);
    }

    private synchronized long nextDue() {
      lastDue = Math.max(System.nanoTime() + cluster.nextDelayNanos(), lastDue);
      return lastDue;
    }

    @Override
    public void sendMessage(A message) {
      cluster.runAt(
          nextDue(),
          () -> {
            try {
              delegate().sendMessage(message);
            } catch (RuntimeException closed) {
              // the stream ended while the job travelled; the engine hears of it by the
              // cancellation and makes the job activatable again after its timeout
            }
          });
    }

    @Override
    public void close(Status status, Metadata trailers) {
      cluster.runAt(
          nextDue(),
          () -> {
            try {
              delegate().close(status, trailers);
            } catch (IllegalStateException alreadyClosed) {
              // closed already
            }
          });
    }
  }
}
