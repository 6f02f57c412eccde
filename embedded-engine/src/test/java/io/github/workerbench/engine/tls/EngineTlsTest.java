package io.github.workerbench.engine.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generated CA and server certificate, as the JDK's X.509 parser reads them back. */
class EngineTlsTest {

  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

  @TempDir Path folder;

  @Test
  void shouldMakeACaWhoseServerCertificateNamesEveryLoopbackAddressWhenGenerated() throws Exception {
    // when
    EngineTls tls = EngineTls.generate(List.of("127.0.0.1", "engine.local"), NOW);

    // then
    X509Certificate ca = tls.caCertificate();
    X509Certificate server = tls.serverCertificate();
    assertThat(ca.getBasicConstraints()).as("a CA").isEqualTo(Integer.MAX_VALUE);
    assertThat(ca.getKeyUsage()[5]).as("keyCertSign").isTrue();
    assertThat(ca.getCriticalExtensionOIDs()).contains("2.5.29.19", "2.5.29.15");
    assertThat(server.getBasicConstraints()).as("not a CA").isEqualTo(-1);
    assertThat(server.getKeyUsage()[0]).as("digitalSignature").isTrue();
    assertThat(server.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1");
    assertThat(server.getIssuerX500Principal()).isEqualTo(ca.getSubjectX500Principal());
    server.verify(ca.getPublicKey());
    ca.verify(ca.getPublicKey());
    assertThat(names(server.getSubjectAlternativeNames()))
        .containsExactly("2:localhost", "7:127.0.0.1", "7:0:0:0:0:0:0:0:1", "2:engine.local");
    server.checkValidity(Date.from(NOW.minusSeconds(60)));
    server.checkValidity(Date.from(NOW.plusSeconds(364L * 24 * 3600)));
  }

  @Test
  void shouldWriteBothCertificatesAndNoKeyWhenWritten() throws Exception {
    // given
    EngineTls tls = EngineTls.generate(List.of(), NOW);

    // when
    Path file = tls.write(folder.resolve("engine-ca.pem"));

    // then: what CAMUNDA_CA_CERTIFICATE_PATH may name, read as the client reads it
    String pem = Files.readString(file, StandardCharsets.US_ASCII);
    assertThat(pem).doesNotContain("PRIVATE KEY").startsWith("-----BEGIN CERTIFICATE-----\n");
    List<java.security.cert.Certificate> read = List.copyOf(
        CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII))));
    assertThat(read).containsExactly(tls.serverCertificate(), tls.caCertificate());
  }

  @Test
  void shouldUseNewKeysWhenGeneratedAgain() {
    // when
    EngineTls first = EngineTls.generate(List.of(), NOW);
    EngineTls second = EngineTls.generate(List.of(), NOW);

    // then
    assertThat(first.caCertificate().getPublicKey()).isNotEqualTo(second.caCertificate().getPublicKey());
    assertThat(first.serverCertificate().getSerialNumber()).isNotEqualTo(second.serverCertificate().getSerialNumber());
    assertThat(first.grpcContext().isServer()).isTrue();
    assertThat(first.restContext().isServer()).isTrue();
  }

  private static List<String> names(Collection<List<?>> names) {
    return names.stream().map(n -> n.get(0) + ":" + n.get(1)).collect(Collectors.toList());
  }
}
