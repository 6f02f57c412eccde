package io.github.workerbench.engine.grpc;

import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.ActivatedJob;
import io.github.workerbench.engine.state.ActivatedJobData;
import io.github.workerbench.engine.state.EngineState;
import io.github.workerbench.engine.state.VariablesJson;
import io.grpc.stub.ServerCallStreamObserver;
import java.util.List;

/**
 * One StreamActivatedJobs call: a message per job, sends serialized; ready only while the
 * transport's outbound buffer has room, and telling the engine when it drains.
 */
final class StreamReceiver extends CallReceiver<ActivatedJob, EngineState.StreamRegistration> {

  StreamReceiver(ServerCallStreamObserver<ActivatedJob> call, VariablesJson json) {
    super(call, json);
  }

  @Override
  void release(EngineState state, EngineState.StreamRegistration stream) {
    state.closeStream(stream);
  }

  @Override
  public boolean isReady() {
    return call.isReady();
  }

  /** The transport drained its buffer: let the engine push what waits for this stream. */
  void ready() {
    EngineState s = state();
    if (s != null) {
      s.streamReady(registration());
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
