package io.github.workerbench.engine.grpc;

import io.github.workerbench.engine.state.JobReceiver;
import io.github.workerbench.engine.state.VariablesJson;
import io.grpc.stub.ServerCallStreamObserver;

/**
 * The engine's end of one gRPC call that takes jobs (a poll or a stream): alive until its caller
 * cancels, and released from the engine (the poll forgotten, the stream closed) when the caller
 * goes, whether that happens before or after the engine accepted the call. Subclasses say how jobs
 * are sent. Deliveries may come from several threads; subclasses serialize sends, as gRPC
 * observers require.
 *
 * @param <T> the call's response message
 */
abstract class CallReceiver<T> implements JobReceiver {

  final ServerCallStreamObserver<T> call;
  final VariablesJson json;
  private volatile boolean gone;
  private volatile Runnable release;

  CallReceiver(ServerCallStreamObserver<T> call, VariablesJson json) {
    this.call = call;
    this.json = json;
  }

  /**
   * The engine accepted the call; a cancellation that came first releases it at once.
   *
   * @param release takes the call's registration out of the engine; idempotent
   */
  final void registered(Runnable release) {
    this.release = release;
    if (gone) {
      release.run();
    }
  }

  /** The caller went away (cancel, deadline, closed connection). */
  final void cancelled() {
    gone = true;
    Runnable r = release;
    if (r != null) {
      r.run();
    }
  }

  @Override
  public final boolean isAlive() {
    return !gone && !call.isCancelled();
  }
}
