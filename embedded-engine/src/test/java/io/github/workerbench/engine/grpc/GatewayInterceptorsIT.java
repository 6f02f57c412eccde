package io.github.workerbench.engine.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.zeebe.gateway.protocol.GatewayGrpc;
import io.github.workerbench.engine.ApiVersion;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.CompleteJobRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.TopologyRequest;
import io.github.workerbench.engine.state.EngineState;
import io.github.workerbench.engine.state.VariablesJson;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The interceptors given to {@link GatewayService} run around every call, the first given
 * outermost, and can end a call before it reaches the engine: the place for authentication and
 * back-pressure.
 */
class GatewayInterceptorsIT {

  private final EngineState state = new EngineState((task, delayMillis) -> () -> {}, System::currentTimeMillis);
  private final List<String> seen = new CopyOnWriteArrayList<>();
  private ServedGateway gateway;

  /** Records each call it sees under its name; refuses CompleteJob when told to. */
  private ServerInterceptor recording(String name, boolean refuseCompletion) {
    return new ServerInterceptor() {
      @Override
      public <Q, A> ServerCall.Listener<Q> interceptCall(
          ServerCall<Q, A> call, Metadata headers, ServerCallHandler<Q, A> next) {
        String method = call.getMethodDescriptor().getBareMethodName();
        seen.add(name + ":" + method);
        if (refuseCompletion && method.equals("CompleteJob")) {
          call.close(Status.RESOURCE_EXHAUSTED.withDescription("back-pressure"), new Metadata());
          return new ServerCall.Listener<>() {};
        }
        return next.startCall(call, headers);
      }
    };
  }

  private GatewayGrpc.GatewayBlockingStub start(List<ServerInterceptor> interceptors) throws Exception {
    GatewayService service =
        new GatewayService(
            state, new VariablesJson(new ObjectMapper()), "127.0.0.1", () -> 0, ApiVersion.latest(), interceptors);
    gateway = ServedGateway.serve(service);
    return gateway.stub();
  }

  @AfterEach
  void stop() throws InterruptedException {
    if (gateway != null) {
      gateway.close();
    }
    state.close();
  }

  @Test
  void shouldRunEveryInterceptorOutermostFirstWhenAnyRpcIsCalled() throws Exception {
    // given
    GatewayGrpc.GatewayBlockingStub gateway =
        start(List.of(recording("outer", false), recording("inner", false)));

    // when
    gateway.topology(TopologyRequest.getDefaultInstance());

    // then
    assertThat(seen).containsExactly("outer:Topology", "inner:Topology");
  }

  @Test
  void shouldEndTheCallWithTheInterceptorsStatusWhenItRefusesTheCall() throws Exception {
    // given
    GatewayGrpc.GatewayBlockingStub gateway = start(List.of(recording("guard", true)));

    // when / then: refused before the engine (which would answer NOT_FOUND for this key)
    Assertions.assertThatThrownBy(() -> gateway.completeJob(CompleteJobRequest.newBuilder().setJobKey(42).build()))
        .isInstanceOfSatisfying(
            StatusRuntimeException.class,
            e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED));
    assertThat(state.counters().jobsCompleted()).isZero();
  }
}
