package io.github.workerbench.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.MethodDescriptor;
import io.grpc.MethodDescriptor.MethodType;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

class TransportThreadCallbacksTest {

  /** A channel that records the options of each call it is asked for. */
  private static final class RecordingChannel extends Channel {
    final List<CallOptions> options = new ArrayList<>();

    @Override
    public <Q, A> ClientCall<Q, A> newCall(MethodDescriptor<Q, A> method, CallOptions callOptions) {
      options.add(callOptions);
      return null;
    }

    @Override
    public String authority() {
      return "test";
    }
  }

  private static MethodDescriptor<String, String> method(MethodType type) {
    MethodDescriptor.Marshaller<String> text =
        new MethodDescriptor.Marshaller<>() {
          @Override
          public InputStream stream(String value) {
            return new ByteArrayInputStream(value.getBytes());
          }

          @Override
          public String parse(InputStream stream) {
            return "";
          }
        };
    return MethodDescriptor.<String, String>newBuilder()
        .setType(type)
        .setFullMethodName("gateway_protocol.Gateway/Test")
        .setRequestMarshaller(text)
        .setResponseMarshaller(text)
        .build();
  }

  @Test
  void shouldRunAUnaryCallsCallbacksOnTheCallingThreadWhenIntercepted() {
    // given
    RecordingChannel channel = new RecordingChannel();
    List<String> ranOn = new ArrayList<>();

    // when
    new TransportThreadCallbacks().interceptCall(method(MethodType.UNARY), CallOptions.DEFAULT, channel);
    Executor executor = channel.options.get(0).getExecutor();
    executor.execute(() -> ranOn.add(Thread.currentThread().getName()));

    // then the callback ran at once, on this thread
    assertThat(ranOn).containsExactly(Thread.currentThread().getName());
  }

  @Test
  void shouldLeaveAStreamingCallOnGrpcsExecutorWhenIntercepted() {
    // given
    RecordingChannel channel = new RecordingChannel();

    // when
    new TransportThreadCallbacks()
        .interceptCall(method(MethodType.SERVER_STREAMING), CallOptions.DEFAULT, channel);

    // then no executor was set: gRPC's own pool runs the stream's callbacks
    assertThat(channel.options.get(0).getExecutor()).isNull();
  }
}
