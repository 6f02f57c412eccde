package io.github.workerbench.engine.grpc;

import io.camunda.zeebe.gateway.protocol.GatewayGrpc;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.NettyServerBuilder;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * A test's gateway service served on a free loopback port, with a plaintext channel to it: the
 * gRPC side of the engine without the rest of the engine server. Close it once.
 */
final class ServedGateway implements AutoCloseable {

  private final Server server;
  private final ManagedChannel channel;

  private ServedGateway(Server server, ManagedChannel channel) {
    this.server = server;
    this.channel = channel;
  }

  static ServedGateway serve(GatewayService service) throws IOException {
    Server server =
        NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0)).addService(service).build().start();
    return new ServedGateway(
        server, NettyChannelBuilder.forAddress("127.0.0.1", server.getPort()).usePlaintext().build());
  }

  /** A blocking stub on the channel; each call must end within 10 s. */
  GatewayGrpc.GatewayBlockingStub stub() {
    return GatewayGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS);
  }

  /** Closes the channel, then the server, each waiting up to 5 s. */
  @Override
  public void close() throws InterruptedException {
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
  }
}
