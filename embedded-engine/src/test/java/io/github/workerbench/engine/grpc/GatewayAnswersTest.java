package io.github.workerbench.engine.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.TopologyResponse;
import io.github.workerbench.engine.ApiVersion;
import org.junit.jupiter.api.Test;

/** The gRPC topology of each API version: 8.8's {@code gateway.proto} has no cluster id. */
class GatewayAnswersTest {

  @Test
  void shouldReportTheVersionAndNoClusterIdWhenAnsweringAs88() {
    // when
    TopologyResponse topology = GatewayAnswers.topology("127.0.0.1", 26500, ApiVersion.V8_8);

    // then
    assertThat(topology.getGatewayVersion()).isEqualTo("8.8.0");
    assertThat(topology.getBrokers(0).getVersion()).isEqualTo("8.8.0");
    assertThat(topology.getClusterId()).isEmpty();
  }

  @Test
  void shouldReportTheVersionAndAClusterIdWhenAnsweringAs89() {
    // when
    TopologyResponse topology = GatewayAnswers.topology("127.0.0.1", 26500, ApiVersion.V8_9);

    // then
    assertThat(topology.getGatewayVersion()).isEqualTo("8.9.0");
    assertThat(topology.getBrokers(0).getVersion()).isEqualTo("8.9.0");
    assertThat(topology.getClusterId()).isEqualTo("workerbench-embedded");
  }
}
