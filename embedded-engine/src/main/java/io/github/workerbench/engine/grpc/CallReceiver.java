package io.github.workerbench.engine.grpc;

import io.github.workerbench.engine.state.EngineState;
import io.github.workerbench.engine.state.JobReceiver;
import io.github.workerbench.engine.state.VariablesJson;
import io.grpc.stub.ServerCallStreamObserver;

/**
 * The engine's end of one gRPC call that takes jobs (a poll or a stream): alive until its caller
 * cancels, registered with the engine once, and released from it on cancellation, whichever of
 * the two comes first. Subclasses say how jobs are sent and how the registration is released.
 * Deliveries may come from several threads; subclasses serialize sends, as gRPC observers require.
 *
 * @param <T> the call's response message
 * @param <R> the engine's handle for the registration
 */
abstract class CallReceiver<T, R> implements JobReceiver {

  final ServerCallStreamObserver<T> call;
  final VariablesJson json;
  private volatile boolean gone;
  private volatile EngineState state;
  private volatile R registration;

  CallReceiver(ServerCallStreamObserver<T> call, VariablesJson json) {
    this.call = call;
    this.json = json;
  }

  /** Releases the registration from the engine (forget the poll, close the stream). Idempotent. */
  abstract void release(EngineState state, R registration);

  /** The engine accepted the call; a cancellation that came first releases it at once. */
  final void registered(EngineState state, R registration) {
    // registration first: the callbacks read state, then registration
    this.registration = registration;
    this.state = state;
    if (gone) {
      release(state, registration);
    }
  }

  /** The caller went away (cancel, deadline, closed connection). */
  final void cancelled() {
    gone = true;
    EngineState s = state;
    if (s != null) {
      release(s, registration);
    }
  }

  /** The engine and registration once registered, for callbacks; null state before. */
  final EngineState state() {
    return state;
  }

  final R registration() {
    return registration;
  }

  @Override
  public final boolean isAlive() {
    return !gone && !call.isCancelled();
  }
}
