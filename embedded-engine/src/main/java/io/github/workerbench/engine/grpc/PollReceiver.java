package io.github.workerbench.engine.grpc;

import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.ActivateJobsResponse;
import io.github.workerbench.engine.state.ActivatedJobData;
import io.github.workerbench.engine.state.VariablesJson;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.util.List;

/** One ActivateJobs call: answered once, with whatever jobs it got (possibly none). */
final class PollReceiver extends CallReceiver<ActivateJobsResponse> {

  private PollReceiver(ServerCallStreamObserver<ActivateJobsResponse> call, VariablesJson json) {
    super(call, json);
  }

  /** The receiver of an ActivateJobs call, released when its caller cancels. */
  static PollReceiver on(StreamObserver<ActivateJobsResponse> observer, VariablesJson json) {
    PollReceiver receiver = new PollReceiver((ServerCallStreamObserver<ActivateJobsResponse>) observer, json);
    receiver.call.setOnCancelHandler(receiver::cancelled);
    return receiver;
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
