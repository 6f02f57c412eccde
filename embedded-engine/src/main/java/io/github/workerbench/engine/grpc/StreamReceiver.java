package io.github.workerbench.engine.grpc;

import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.ActivatedJob;
import io.github.workerbench.engine.state.ActivatedJobData;
import io.github.workerbench.engine.state.ActivationRequest;
import io.github.workerbench.engine.state.VariablesJson;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.util.List;

/**
 * One StreamActivatedJobs call: a message per job, sends serialized; ready only while the
 * transport's outbound buffer has room, and telling the engine when it drains.
 */
final class StreamReceiver extends CallReceiver<ActivatedJob> {

  private final ActivationRequest request;
  private volatile Runnable drained;

  private StreamReceiver(ActivationRequest request, ServerCallStreamObserver<ActivatedJob> call, VariablesJson json) {
    super(call, json);
    this.request = request;
  }

  /**
   * The receiver of a StreamActivatedJobs call for a request already checked, released when its
   * caller cancels and told when its transport drains (handlers set before the engine sees it, so
   * no cancellation is missed).
   */
  static StreamReceiver on(ActivationRequest request, StreamObserver<ActivatedJob> observer, VariablesJson json) {
    StreamReceiver receiver = new StreamReceiver(request, (ServerCallStreamObserver<ActivatedJob>) observer, json);
    receiver.call.setOnCancelHandler(receiver::cancelled);
    receiver.call.setOnReadyHandler(receiver::ready);
    return receiver;
  }

  ActivationRequest request() {
    return request;
  }

  /**
   * @param release closes the stream in the engine
   * @param drained tells the engine the stream can take jobs again
   */
  void registered(Runnable release, Runnable drained) {
    this.drained = drained;
    registered(release);
  }

  @Override
  public boolean isReady() {
    return call.isReady();
  }

  /** The transport drained its buffer: let the engine push what waits for this stream. */
  void ready() {
    Runnable r = drained;
    if (r != null) {
      r.run();
    }
  }

  @Override
  public synchronized boolean deliver(List<ActivatedJobData> jobs, Runnable undelivered) {
    if (!isAlive()) {
      return false;
    }
    // one message per job; gRPC coalesces the flushes of messages written in one go
    for (ActivatedJobData job : jobs) {
      call.onNext(GatewayAnswers.job(job, json));
    }
    return isAlive();
  }
}
