package io.github.workerbench.core.run;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.MethodDescriptor;
import java.util.concurrent.Executor;

/**
 * Runs the callbacks of the client's unary gRPC calls (a completion's or a failure's
 * acknowledgement, a creation, a deployment) on the transport thread that read the answer, instead
 * of handing each one to gRPC's default callback pool first (see docs/adr/0006).
 *
 * <p>Every such answer otherwise costs a hand-over to a cached thread pool: a wake-up of a parked
 * thread per call, which at 10,000 jobs per second on 2 cores showed as milliseconds of waiting
 * for the completion's acknowledgement. Those callbacks only complete futures, and nothing the
 * harness chains onto them blocks (blocking strategies wait in their own threads), so the
 * transport thread is never held. Streaming calls (activation and job streams) keep gRPC's pool:
 * the client's streaming JobWorker blocks in its callback until a slot is free. REST calls are
 * untouched.
 *
 * <p>Stateless and thread-safe.
 */
final class TransportThreadCallbacks implements ClientInterceptor {

  private static final Executor ON_CALLING_THREAD = Runnable::run;

  @Override
  public <Q, A> ClientCall<Q, A> interceptCall(
      MethodDescriptor<Q, A> method, CallOptions options, Channel next) {
    if (method.getType() != MethodDescriptor.MethodType.UNARY) {
      // the client's streaming JobWorker waits in its stream callback for a free slot (up to 30
      // s): on the transport thread that wait would hold the very acknowledgements that free one
      return next.newCall(method, options);
    }
    return next.newCall(method, options.withExecutor(ON_CALLING_THREAD));
  }
}
