package io.github.workerbench.engine.grpc;

import io.camunda.zeebe.gateway.protocol.GatewayGrpc;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.ActivateJobsRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.ActivateJobsResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.ActivatedJob;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.BrokerInfo;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.CancelProcessInstanceRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.CancelProcessInstanceResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.CompleteJobRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.CompleteJobResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.CreateProcessInstanceRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.CreateProcessInstanceResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.CreateProcessInstanceWithResultRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.CreateProcessInstanceWithResultResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.DeployResourceRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.DeployResourceResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.Deployment;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.FailJobRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.FailJobResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.Partition;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.ProcessMetadata;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.StreamActivatedJobsRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.ThrowErrorRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.ThrowErrorResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.TopologyRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.TopologyResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.UpdateJobRetriesRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.UpdateJobRetriesResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.UpdateJobTimeoutRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.UpdateJobTimeoutResponse;
import io.github.workerbench.engine.state.ActivatedJobData;
import io.github.workerbench.engine.state.ActivationRequest;
import io.github.workerbench.engine.state.CommandRejectedException;
import io.github.workerbench.engine.state.DeploymentInfo;
import io.github.workerbench.engine.state.DeploymentResource;
import io.github.workerbench.engine.state.EngineState;
import io.github.workerbench.engine.state.JobReceiver;
import io.github.workerbench.engine.state.ProcessDefinitionInfo;
import io.github.workerbench.engine.state.ProcessInstanceView;
import io.github.workerbench.engine.state.RejectionType;
import io.github.workerbench.engine.state.VariablesJson;
import io.grpc.Context;
import io.grpc.Deadline;
import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * Zeebe's {@code Gateway} service over the shared {@link EngineState}: the RPCs job workers use.
 * Every other RPC keeps the generated default, which answers UNIMPLEMENTED naming the method.
 *
 * <p>Rejections map as Zeebe's gateway maps them: NOT_FOUND, INVALID_ARGUMENT, and
 * FAILED_PRECONDITION for a command the job's state forbids. Handlers never block: long polls
 * park in the engine and are answered from whichever thread makes jobs available. Thread-safe.
 */
public final class GatewayService extends GatewayGrpc.GatewayImplBase {

  /** Answer parked polls this long before the client's deadline, so they never see it pass. */
  private static final long DEADLINE_MARGIN_MILLIS = 500;

  private static final String TENANT = "<default>";
  private static final String VERSION = "8.9.0";

  private final EngineState state;
  private final VariablesJson json;
  private final String host;
  private final IntSupplier port;

  /**
   * @param port the bound gRPC port, read lazily for topology answers
   */
  public GatewayService(EngineState state, VariablesJson json, String host, IntSupplier port) {
    this.state = state;
    this.json = json;
    this.host = host;
    this.port = port;
  }

  @Override
  public void topology(TopologyRequest request, StreamObserver<TopologyResponse> observer) {
    unary(
        observer,
        () ->
            TopologyResponse.newBuilder()
                .setClusterSize(1)
                .setPartitionsCount(1)
                .setReplicationFactor(1)
                .setGatewayVersion(VERSION)
                .setClusterId("workerbench-embedded")
                .addBrokers(
                    BrokerInfo.newBuilder()
                        .setNodeId(0)
                        .setHost(host)
                        .setPort(port.getAsInt())
                        .setVersion(VERSION)
                        .addPartitions(
                            Partition.newBuilder()
                                .setPartitionId(1)
                                .setRole(Partition.PartitionBrokerRole.LEADER)
                                .setHealth(Partition.PartitionBrokerHealth.HEALTHY)))
                .build());
  }

  @Override
  public void deployResource(
      DeployResourceRequest request, StreamObserver<DeployResourceResponse> observer) {
    unary(
        observer,
        () -> {
          List<DeploymentResource> resources = new ArrayList<>();
          request
              .getResourcesList()
              .forEach(r -> resources.add(new DeploymentResource(r.getName(), r.getContent().toByteArray())));
          DeploymentInfo info = state.deploy(resources);
          DeployResourceResponse.Builder response =
              DeployResourceResponse.newBuilder().setKey(info.deploymentKey()).setTenantId(TENANT);
          for (ProcessDefinitionInfo process : info.processes()) {
            response.addDeployments(
                Deployment.newBuilder()
                    .setProcess(
                        ProcessMetadata.newBuilder()
                            .setBpmnProcessId(process.bpmnProcessId())
                            .setVersion(process.version())
                            .setProcessDefinitionKey(process.processDefinitionKey())
                            .setResourceName(process.resourceName())
                            .setTenantId(TENANT)));
          }
          return response.build();
        });
  }

  @Override
  public void createProcessInstance(
      CreateProcessInstanceRequest request, StreamObserver<CreateProcessInstanceResponse> observer) {
    unary(
        observer,
        () -> {
          ProcessInstanceView view =
              state.createInstance(
                  request.getProcessDefinitionKey(),
                  request.getBpmnProcessId(),
                  request.getVersion(),
                  json.read(request.getVariables(), "variables"));
          return CreateProcessInstanceResponse.newBuilder()
              .setProcessDefinitionKey(view.processDefinitionKey())
              .setBpmnProcessId(view.bpmnProcessId())
              .setVersion(view.version())
              .setProcessInstanceKey(view.processInstanceKey())
              .setTenantId(TENANT)
              .build();
        });
  }

  @Override
  public void createProcessInstanceWithResult(
      CreateProcessInstanceWithResultRequest request,
      StreamObserver<CreateProcessInstanceWithResultResponse> observer) {
    CreateProcessInstanceRequest create = request.getRequest();
    CompletableFuture<ProcessInstanceView> result;
    try {
      result =
          state.createInstanceAwaitingResult(
              create.getProcessDefinitionKey(),
              create.getBpmnProcessId(),
              create.getVersion(),
              json.read(create.getVariables(), "variables"));
    } catch (RuntimeException e) {
      observer.onError(toStatus(e));
      return;
    }
    long timeout = request.getRequestTimeout() > 0 ? request.getRequestTimeout() : EngineState.DEFAULT_REQUEST_TIMEOUT_MILLIS;
    List<String> fetch = request.getFetchVariablesList();
    result
        .orTimeout(timeout, TimeUnit.MILLISECONDS)
        .whenComplete(
            (view, error) -> {
              if (error != null) {
                Throwable cause = error instanceof CompletionException ? error.getCause() : error;
                observer.onError(
                    cause instanceof TimeoutException
                        ? Status.DEADLINE_EXCEEDED
                            .withDescription(
                                "Expected the process instance to complete within "
                                    + timeout
                                    + " ms, but it did not")
                            .asRuntimeException()
                        : toStatus(cause));
                return;
              }
              Map<String, Object> all = view.variables();
              Map<String, Object> variables = all;
              if (!fetch.isEmpty()) {
                variables = new LinkedHashMap<>();
                for (String name : fetch) {
                  if (all.containsKey(name)) {
                    variables.put(name, all.get(name));
                  }
                }
              }
              observer.onNext(
                  CreateProcessInstanceWithResultResponse.newBuilder()
                      .setProcessDefinitionKey(view.processDefinitionKey())
                      .setBpmnProcessId(view.bpmnProcessId())
                      .setVersion(view.version())
                      .setProcessInstanceKey(view.processInstanceKey())
                      .setVariables(json.write(variables))
                      .setTenantId(TENANT)
                      .build());
              observer.onCompleted();
            });
  }

  @Override
  public void cancelProcessInstance(
      CancelProcessInstanceRequest request, StreamObserver<CancelProcessInstanceResponse> observer) {
    unary(
        observer,
        () -> {
          state.cancelInstance(request.getProcessInstanceKey());
          return CancelProcessInstanceResponse.getDefaultInstance();
        });
  }

  @Override
  public void activateJobs(
      ActivateJobsRequest request, StreamObserver<ActivateJobsResponse> observer) {
    ServerCallStreamObserver<ActivateJobsResponse> call =
        (ServerCallStreamObserver<ActivateJobsResponse>) observer;
    try {
      if (request.getWorker().isBlank()) {
        throw new CommandRejectedException(
            RejectionType.INVALID_ARGUMENT, "Expected a worker name, but worker is blank");
      }
      ActivationRequest activation =
          new ActivationRequest(
              request.getType(),
              request.getWorker(),
              request.getTimeout(),
              request.getMaxJobsToActivate(),
              request.getFetchVariableList());
      PollReceiver receiver = new PollReceiver(call, json);
      call.setOnCancelHandler(receiver::cancelled);
      EngineState.PollRegistration poll =
          state.activate(activation, parkMillis(request.getRequestTimeout()), receiver);
      receiver.registered(state, poll);
    } catch (RuntimeException e) {
      observer.onError(toStatus(e));
    }
  }

  /** The park time: the requested one, but always ending before the client's deadline. */
  private static long parkMillis(long requestTimeout) {
    long park = requestTimeout == 0 ? EngineState.DEFAULT_REQUEST_TIMEOUT_MILLIS : requestTimeout;
    Deadline deadline = Context.current().getDeadline();
    if (park > 0 && deadline != null) {
      long remaining = deadline.timeRemaining(TimeUnit.MILLISECONDS);
      long cap = remaining - Math.min(DEADLINE_MARGIN_MILLIS, remaining / 10);
      park = cap <= 0 ? -1 : Math.min(park, cap);
    }
    return park;
  }

  @Override
  public void streamActivatedJobs(
      StreamActivatedJobsRequest request, StreamObserver<ActivatedJob> observer) {
    ServerCallStreamObserver<ActivatedJob> call = (ServerCallStreamObserver<ActivatedJob>) observer;
    try {
      ActivationRequest activation =
          new ActivationRequest(
              request.getType(), request.getWorker(), request.getTimeout(), 1, request.getFetchVariableList());
      StreamReceiver receiver = new StreamReceiver(call, json);
      call.setOnCancelHandler(receiver::cancelled);
      call.setOnReadyHandler(receiver::ready);
      EngineState.StreamRegistration stream = state.openStream(activation, receiver);
      receiver.registered(state, stream);
    } catch (RuntimeException e) {
      observer.onError(toStatus(e));
    }
  }

  @Override
  public void completeJob(CompleteJobRequest request, StreamObserver<CompleteJobResponse> observer) {
    unary(
        observer,
        () -> {
          state.complete(request.getJobKey(), json.read(request.getVariables(), "variables"));
          return CompleteJobResponse.getDefaultInstance();
        });
  }

  @Override
  public void failJob(FailJobRequest request, StreamObserver<FailJobResponse> observer) {
    unary(
        observer,
        () -> {
          state.fail(
              request.getJobKey(),
              request.getRetries(),
              request.getErrorMessage(),
              request.getRetryBackOff(),
              json.read(request.getVariables(), "variables"));
          return FailJobResponse.getDefaultInstance();
        });
  }

  @Override
  public void throwError(ThrowErrorRequest request, StreamObserver<ThrowErrorResponse> observer) {
    unary(
        observer,
        () -> {
          if (request.getErrorCode().isBlank()) {
            throw new CommandRejectedException(
                RejectionType.INVALID_ARGUMENT, "Expected an error code, but errorCode is blank");
          }
          state.throwError(request.getJobKey(), request.getErrorCode(), request.getErrorMessage());
          return ThrowErrorResponse.getDefaultInstance();
        });
  }

  @Override
  public void updateJobRetries(
      UpdateJobRetriesRequest request, StreamObserver<UpdateJobRetriesResponse> observer) {
    unary(
        observer,
        () -> {
          state.updateRetries(request.getJobKey(), request.getRetries());
          return UpdateJobRetriesResponse.getDefaultInstance();
        });
  }

  @Override
  public void updateJobTimeout(
      UpdateJobTimeoutRequest request, StreamObserver<UpdateJobTimeoutResponse> observer) {
    unary(
        observer,
        () -> {
          state.updateTimeout(request.getJobKey(), request.getTimeout());
          return UpdateJobTimeoutResponse.getDefaultInstance();
        });
  }

  private static <T> void unary(StreamObserver<T> observer, Supplier<T> action) {
    T response;
    try {
      response = action.get();
    } catch (RuntimeException e) {
      observer.onError(toStatus(e));
      return;
    }
    observer.onNext(response);
    observer.onCompleted();
  }

  static RuntimeException toStatus(Throwable e) {
    if (e instanceof CommandRejectedException rejected) {
      Status status =
          switch (rejected.type()) {
            case NOT_FOUND -> Status.NOT_FOUND;
            case INVALID_ARGUMENT -> Status.INVALID_ARGUMENT;
            case INVALID_STATE -> Status.FAILED_PRECONDITION;
          };
      return status.withDescription(rejected.getMessage()).asRuntimeException();
    }
    return Status.INTERNAL
        .withDescription("Unexpected error: " + e)
        .withCause(e)
        .asRuntimeException();
  }

  static ActivatedJob toProto(ActivatedJobData job, VariablesJson json) {
    return ActivatedJob.newBuilder()
        .setKey(job.key())
        .setType(job.type())
        .setProcessInstanceKey(job.processInstanceKey())
        .setBpmnProcessId(job.bpmnProcessId())
        .setProcessDefinitionVersion(job.processDefinitionVersion())
        .setProcessDefinitionKey(job.processDefinitionKey())
        .setElementId(job.elementId())
        .setElementInstanceKey(job.elementInstanceKey())
        .setCustomHeaders(job.customHeaders().isEmpty() ? "{}" : json.write(job.customHeaders()))
        .setWorker(job.worker())
        .setRetries(job.retries())
        .setDeadline(job.deadlineEpochMillis())
        .setVariables(job.variables().isEmpty() ? "{}" : json.write(job.variables()))
        .setTenantId(TENANT)
        .setKind(ActivatedJob.JobKind.BPMN_ELEMENT)
        .setListenerEventType(ActivatedJob.ListenerEventType.UNSPECIFIED)
        .build();
  }

  /** One ActivateJobs call: answered once, with whatever jobs it got (possibly none). */
  private static final class PollReceiver implements JobReceiver {
    private final ServerCallStreamObserver<ActivateJobsResponse> call;
    private final VariablesJson json;
    private volatile boolean gone;
    private volatile EngineState state;
    private volatile EngineState.PollRegistration poll;

    PollReceiver(ServerCallStreamObserver<ActivateJobsResponse> call, VariablesJson json) {
      this.call = call;
      this.json = json;
    }

    void registered(EngineState state, EngineState.PollRegistration poll) {
      // poll first: the callbacks read state, then poll
      this.poll = poll;
      this.state = state;
      if (gone) {
        state.cancel(poll);
      }
    }

    void cancelled() {
      gone = true;
      EngineState s = state;
      if (s != null) {
        s.cancel(poll);
      }
    }

    @Override
    public boolean isAlive() {
      return !gone && !call.isCancelled();
    }

    @Override
    public synchronized boolean deliver(List<ActivatedJobData> jobs, Runnable undelivered) {
      if (!isAlive()) {
        return false;
      }
      ActivateJobsResponse.Builder response = ActivateJobsResponse.newBuilder();
      for (ActivatedJobData job : jobs) {
        response.addJobs(toProto(job, json));
      }
      call.onNext(response.build());
      call.onCompleted();
      return isAlive();
    }
  }

  /** One StreamActivatedJobs call: sends are serialized, as gRPC observers require. */
  private static final class StreamReceiver implements JobReceiver {
    private final ServerCallStreamObserver<ActivatedJob> call;
    private final VariablesJson json;
    private volatile boolean gone;
    private volatile EngineState state;
    private volatile EngineState.StreamRegistration stream;

    StreamReceiver(ServerCallStreamObserver<ActivatedJob> call, VariablesJson json) {
      this.call = call;
      this.json = json;
    }

    void registered(EngineState state, EngineState.StreamRegistration stream) {
      // stream first: the callbacks read state, then stream
      this.stream = stream;
      this.state = state;
      if (gone) {
        state.closeStream(stream);
      }
    }

    void cancelled() {
      gone = true;
      EngineState s = state;
      if (s != null) {
        s.closeStream(stream);
      }
    }

    @Override
    public boolean isAlive() {
      return !gone && !call.isCancelled();
    }

    @Override
    public boolean isReady() {
      return call.isReady();
    }

    /** The transport drained its buffer: let the engine push what waits for this stream. */
    void ready() {
      EngineState s = state;
      if (s != null) {
        s.streamReady(stream);
      }
    }

    @Override
    public synchronized boolean deliver(List<ActivatedJobData> jobs, Runnable undelivered) {
      if (!isAlive()) {
        return false;
      }
      // one message per job; gRPC coalesces the flushes of messages written in one go
      for (ActivatedJobData job : jobs) {
        call.onNext(toProto(job, json));
      }
      return isAlive();
    }
  }
}
