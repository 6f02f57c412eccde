package io.github.workerbench.engine.grpc;

import io.camunda.zeebe.gateway.protocol.GatewayGrpc;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.ActivateJobsRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.ActivateJobsResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.ActivatedJob;
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
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.FailJobRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.FailJobResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.StreamActivatedJobsRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.ThrowErrorRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.ThrowErrorResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.TopologyRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.TopologyResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.UpdateJobRetriesRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.UpdateJobRetriesResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.UpdateJobTimeoutRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.UpdateJobTimeoutResponse;
import io.github.workerbench.engine.ApiVersion;
import io.github.workerbench.engine.state.ActivationRequest;
import io.github.workerbench.engine.state.DeploymentResource;
import io.github.workerbench.engine.state.EngineState;
import io.github.workerbench.engine.state.InstanceLabels;
import io.github.workerbench.engine.state.ProcessInstanceView;
import io.github.workerbench.engine.state.VariablesJson;
import io.grpc.BindableService;
import io.grpc.Context;
import io.grpc.Deadline;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.ServerServiceDefinition;
import io.grpc.stub.StreamObserver;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * Zeebe's {@code Gateway} service over the shared {@link EngineState}: the RPCs job workers use.
 * Every other RPC keeps the generated default, which answers UNIMPLEMENTED naming the method.
 * (It implements the generated {@code AsyncService} rather than extending {@code
 * GatewayImplBase}, whose {@code bindService} is final, so that it can bind its interceptors.)
 *
 * <p>Each RPC only reads its request message and writes its answer ({@link GatewayAnswers});
 * what is refused, and with which rejection, is the engine's to decide (the same for REST), as
 * Camunda's gRPC gateway maps requests to broker commands without checks of its own. Handlers
 * never block: long polls park in the engine and are answered from whichever thread makes jobs
 * available. Every call passes the interceptors given at construction ({@link #bindService()}),
 * the one place for concerns of all RPCs. Thread-safe.
 */
public final class GatewayService implements GatewayGrpc.AsyncService, BindableService {

  /** Answer parked polls this long before the client's deadline, so they never see it pass. */
  private static final long DEADLINE_MARGIN_MILLIS = 500;

  private final EngineState state;
  private final VariablesJson json;
  private final String host;
  private final IntSupplier port;
  private final ApiVersion version;
  private final List<ServerInterceptor> interceptors;

  /**
   * The latest API version, no interceptors.
   *
   * @param port the bound gRPC port, read lazily for topology answers
   */
  public GatewayService(EngineState state, VariablesJson json, String host, IntSupplier port) {
    this(state, json, host, port, ApiVersion.latest(), List.of());
  }

  /**
   * @param port the bound gRPC port, read lazily for topology answers
   * @param version the generation whose gateway this one answers as
   * @param interceptors run around every call, the first given outermost
   */
  public GatewayService(
      EngineState state,
      VariablesJson json,
      String host,
      IntSupplier port,
      ApiVersion version,
      List<ServerInterceptor> interceptors) {
    this.state = state;
    this.json = json;
    this.host = host;
    this.port = port;
    this.version = version;
    this.interceptors = List.copyOf(interceptors);
  }

  /** The service with its interceptors around every method. */
  @Override
  public ServerServiceDefinition bindService() {
    // ServerInterceptors runs the last given first: reversed, the first given is outermost
    return ServerInterceptors.intercept(GatewayGrpc.bindService(this), interceptors.reversed());
  }

  @Override
  public void topology(TopologyRequest request, StreamObserver<TopologyResponse> observer) {
    unary(observer, () -> GatewayAnswers.topology(host, port.getAsInt(), version));
  }

  @Override
  public void deployResource(DeployResourceRequest request, StreamObserver<DeployResourceResponse> observer) {
    unary(
        observer,
        () ->
            GatewayAnswers.deployment(
                state.deploy(
                    request.getResourcesList().stream()
                        .map(r -> new DeploymentResource(r.getName(), r.getContent().toByteArray()))
                        .toList())));
  }

  @Override
  public void createProcessInstance(
      CreateProcessInstanceRequest request, StreamObserver<CreateProcessInstanceResponse> observer) {
    unary(
        observer,
        () -> {
          InstanceLabels labels = labels(request);
          ProcessInstanceView view =
              state.createInstance(
                  request.getProcessDefinitionKey(),
                  request.getBpmnProcessId(),
                  request.getVersion(),
                  json.read(request.getVariables(), "variables"));
          return GatewayAnswers.created(view, labels);
        });
  }

  @Override
  public void createProcessInstanceWithResult(
      CreateProcessInstanceWithResultRequest request,
      StreamObserver<CreateProcessInstanceWithResultResponse> observer) {
    CreateProcessInstanceRequest create = request.getRequest();
    guarded(
        observer,
        () -> {
          InstanceLabels labels = labels(create);
          List<String> fetch = request.getFetchVariablesList();
          state
              .createInstanceAwaitingResult(
                  create.getProcessDefinitionKey(),
                  create.getBpmnProcessId(),
                  create.getVersion(),
                  json.read(create.getVariables(), "variables"),
                  request.getRequestTimeout())
              .whenComplete(
                  (view, error) -> {
                    if (error != null) {
                      observer.onError(GatewayAnswers.status(error));
                      return;
                    }
                    observer.onNext(GatewayAnswers.completed(view, view.variables(fetch), labels, json));
                    observer.onCompleted();
                  });
        });
  }

  /**
   * The creation's tags and business id, checked as the engine checks them for both protocols.
   * 8.8's {@code gateway.proto} has no business id: its gateway never sees one.
   */
  private InstanceLabels labels(CreateProcessInstanceRequest request) {
    boolean known = version.isAtLeast(ApiVersion.V8_9);
    String businessId =
        known && request.hasBusinessId() && !request.getBusinessId().isEmpty() ? request.getBusinessId() : null;
    return new InstanceLabels(request.getTagsList(), businessId);
  }

  @Override
  public void cancelProcessInstance(
      CancelProcessInstanceRequest request, StreamObserver<CancelProcessInstanceResponse> observer) {
    command(observer, CancelProcessInstanceResponse.getDefaultInstance(), () -> state.cancelInstance(request.getProcessInstanceKey()));
  }

  @Override
  public void activateJobs(ActivateJobsRequest request, StreamObserver<ActivateJobsResponse> observer) {
    guarded(
        observer,
        () -> {
          ActivationRequest activation =
              new ActivationRequest(
                  request.getType(),
                  request.getWorker(),
                  request.getTimeout(),
                  request.getMaxJobsToActivate(),
                  request.getFetchVariableList());
          PollReceiver receiver = PollReceiver.on(observer, json);
          long park = parkMillis(request.getRequestTimeout());
          EngineState.PollRegistration poll = state.activate(activation, park, receiver);
          receiver.registered(() -> state.cancel(poll));
        });
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
  public void streamActivatedJobs(StreamActivatedJobsRequest request, StreamObserver<ActivatedJob> observer) {
    guarded(
        observer,
        () -> {
          StreamReceiver receiver =
              StreamReceiver.on(
                  new ActivationRequest(
                      request.getType(), request.getWorker(), request.getTimeout(), 1, request.getFetchVariableList()),
                  observer,
                  json);
          EngineState.StreamRegistration stream = state.openStream(receiver.request(), receiver);
          receiver.registered(() -> state.closeStream(stream), () -> state.streamReady(stream));
        });
  }

  @Override
  public void completeJob(CompleteJobRequest request, StreamObserver<CompleteJobResponse> observer) {
    command(
        observer,
        CompleteJobResponse.getDefaultInstance(),
        () -> state.complete(request.getJobKey(), json.read(request.getVariables(), "variables")));
  }

  @Override
  public void failJob(FailJobRequest request, StreamObserver<FailJobResponse> observer) {
    Runnable fail =
        () ->
            state.fail(
                request.getJobKey(),
                request.getRetries(),
                request.getErrorMessage(),
                request.getRetryBackOff(),
                json.read(request.getVariables(), "variables"));
    command(observer, FailJobResponse.getDefaultInstance(), fail);
  }

  @Override
  public void throwError(ThrowErrorRequest request, StreamObserver<ThrowErrorResponse> observer) {
    // like Camunda's gRPC gateway and engine, a blank error code is no refusal (it matches no catch
    // event); Camunda's REST gateway refuses it, and so does ours
    command(
        observer,
        ThrowErrorResponse.getDefaultInstance(),
        () -> state.throwError(request.getJobKey(), request.getErrorCode(), request.getErrorMessage()));
  }

  @Override
  public void updateJobRetries(UpdateJobRetriesRequest request, StreamObserver<UpdateJobRetriesResponse> observer) {
    command(
        observer,
        UpdateJobRetriesResponse.getDefaultInstance(),
        () -> state.updateRetries(request.getJobKey(), request.getRetries()));
  }

  @Override
  public void updateJobTimeout(UpdateJobTimeoutRequest request, StreamObserver<UpdateJobTimeoutResponse> observer) {
    command(
        observer,
        UpdateJobTimeoutResponse.getDefaultInstance(),
        () -> state.updateTimeout(request.getJobKey(), request.getTimeout()));
  }

  /** Runs a command whose answer carries nothing: its empty response, or the status it threw. */
  private static <T> void command(StreamObserver<T> observer, T empty, Runnable command) {
    unary(
        observer,
        () -> {
          command.run();
          return empty;
        });
  }

  /** Runs what starts a call that is answered later; what it throws ends the call at once. */
  private static void guarded(StreamObserver<?> observer, Runnable start) {
    try {
      start.run();
    } catch (RuntimeException e) {
      observer.onError(GatewayAnswers.status(e));
    }
  }

  /** Answers a call once: the action's result, or the status of what it threw. */
  private static <T> void unary(StreamObserver<T> observer, Supplier<T> action) {
    T response;
    try {
      response = action.get();
    } catch (RuntimeException e) {
      observer.onError(GatewayAnswers.status(e));
      return;
    }
    observer.onNext(response);
    observer.onCompleted();
  }
}
