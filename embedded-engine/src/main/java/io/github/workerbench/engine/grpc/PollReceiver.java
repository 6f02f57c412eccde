package io.github.workerbench.engine.grpc;

import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.ActivateJobsResponse;
import io.github.workerbench.engine.state.ActivatedJobData;
import io.github.workerbench.engine.state.EngineState;
import io.github.workerbench.engine.state.VariablesJson;
import io.grpc.stub.ServerCallStreamObserver;
import java.util.List;

/** One ActivateJobs call: answered once, with whatever jobs it got (possibly none). */
final class PollReceiver extends CallReceiver<ActivateJobsResponse, EngineState.PollRegistration> {

  PollReceiver(ServerCallStreamObserver<ActivateJobsResponse> call, VariablesJson json) {
    super(call, json);
  }

  @Override
  void release(EngineState state, EngineState.PollRegistration poll) {
    state.cancel(poll);
  }

  @Override
  public synchronized boolean deliver(List<ActivatedJobData> jobs, Runnable undelivered) {
    if (!isAlive()) {
      return false;
    }
    ActivateJobsResponse.Builder response = ActivateJobsResponse.newBuilder();
    for (ActivatedJobData job : jobs) {
      response.addJobs(GatewayAnswers.job(job, json));
    }
    call.onNext(response.build());
    call.onCompleted();
    return isAlive();
  }
}
