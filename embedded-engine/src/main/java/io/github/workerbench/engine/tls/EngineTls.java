package io.github.workerbench.engine.tls;

import io.grpc.netty.GrpcSslContexts;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.net.ssl.SSLException;

/**
 * A certificate authority and a server certificate it signed, generated at start with the JDK
 * alone, so the engine can serve gRPC and REST over TLS as a SaaS cluster does and a client's TLS
 * configuration ({@code https://} addresses, {@code CAMUNDA_CA_CERTIFICATE_PATH}) is exercised.
 *
 * <p>The algorithm: two EC P-256 key pairs; for each certificate its X.509 v3 {@code
 * TBSCertificate} is DER-encoded by hand ({@link Der}), signed with SHA256withECDSA (whose output
 * is already the DER signature value), wrapped into the certificate and parsed back with the JDK's
 * {@link CertificateFactory}, which checks the encoding; the server certificate's signature is
 * verified against the CA's key. The CA has {@code basicConstraints CA:true} and {@code keyCertSign,
 * cRLSign}; the server certificate {@code CA:false}, {@code digitalSignature}, {@code serverAuth}
 * and subject alternative names for {@code localhost}, {@code 127.0.0.1}, {@code ::1} and the
 * engine's own host (a client checks the address it dials against them: an IP address needs an IP
 * entry). Both are valid from five minutes ago (clock skew) for a year.
 *
 * <p>The private keys never leave memory; only the certificates are written ({@link #write}).
 * Immutable and thread-safe.
 */
public final class EngineTls {

  private static final String SIGNATURE = "SHA256withECDSA";
  private static final String SIGNATURE_OID = "1.2.840.10045.4.3.2";
  private static final Duration VALIDITY = Duration.ofDays(365);
  private static final Duration SKEW = Duration.ofMinutes(5);

  private final X509Certificate ca;
  private final X509Certificate server;
  private final PrivateKey serverKey;

  private EngineTls(X509Certificate ca, X509Certificate server, PrivateKey serverKey) {
    this.ca = ca;
    this.server = server;
    this.serverKey = serverKey;
  }

  /**
   * A new CA and a server certificate for {@code localhost}, {@code 127.0.0.1}, {@code ::1} and
   * {@code hosts} (names or address literals; the wildcard address is skipped).
   *
   * @param now the start of validity, less five minutes
   * @throws IllegalStateException when the JDK lacks EC P-256 or SHA256withECDSA (every JDK 21 has
   *     both)
   */
  public static EngineTls generate(List<String> hosts, Instant now) {
    try {
      SecureRandom random = new SecureRandom();
      KeyPair caKeys = ecKeys(random);
      KeyPair serverKeys = ecKeys(random);
      byte[] caName = name("Worker Bench engine CA " + Long.toHexString(random.nextLong() >>> 16));
      Instant from = now.minus(SKEW);
      Instant until = now.plus(VALIDITY);
      byte[] caExtensions =
          Der.sequence(
              extension("2.5.29.19", true, Der.sequence(Der.bool(true))),
              // keyCertSign (bit 5) and cRLSign (bit 6): one padding bit
              extension("2.5.29.15", true, Der.bitString(1, new byte[] {0x06})));
      X509Certificate ca = sign(random, caName, caName, from, until, caKeys, caKeys.getPrivate(), caExtensions);
      byte[] serverExtensions =
          Der.sequence(
              extension("2.5.29.19", true, Der.sequence()),
              // digitalSignature (bit 0): seven padding bits
              extension("2.5.29.15", true, Der.bitString(7, new byte[] {(byte) 0x80})),
              extension("2.5.29.37", false, Der.sequence(Der.oid("1.3.6.1.5.5.7.3.1"))),
              extension("2.5.29.17", false, alternativeNames(hosts)));
      X509Certificate server =
          sign(random, caName, name("localhost"), from, until, serverKeys, caKeys.getPrivate(), serverExtensions);
      server.verify(ca.getPublicKey());
      return new EngineTls(ca, server, serverKeys.getPrivate());
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("Expected to generate the engine's TLS certificate, but: " + e.getMessage(), e);
    }
  }

  /** The certificate authority; clients trust it. */
  public X509Certificate caCertificate() {
    return ca;
  }

  /** The certificate the endpoints present, signed by {@link #caCertificate()}. */
  public X509Certificate serverCertificate() {
    return server;
  }

  /** The server certificate then the CA certificate, as PEM: what a client may trust. */
  public String pem() {
    return pem(server) + pem(ca);
  }

  /**
   * Writes {@link #pem()} to {@code file} (replacing it): the file {@code CAMUNDA_CA_CERTIFICATE_PATH}
   * names. It holds no key.
   */
  public Path write(Path file) throws IOException {
    return Files.writeString(file, pem(), StandardCharsets.US_ASCII);
  }

  /** The gRPC server's context: TLS with ALPN {@code h2}, as HTTP/2 over TLS requires. */
  public SslContext grpcContext() {
    try {
      return GrpcSslContexts.configure(SslContextBuilder.forServer(serverKey, server, ca), SslProvider.JDK).build();
    } catch (SSLException e) {
      throw new IllegalStateException("Expected to build the gRPC TLS context, but: " + e.getMessage(), e);
    }
  }

  /** The REST server's context: TLS for HTTP/1.1. */
  public SslContext restContext() {
    try {
      return SslContextBuilder.forServer(serverKey, server, ca).sslProvider(SslProvider.JDK).build();
    } catch (SSLException e) {
      throw new IllegalStateException("Expected to build the REST TLS context, but: " + e.getMessage(), e);
    }
  }

  private static KeyPair ecKeys(SecureRandom random) throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"), random);
    return generator.generateKeyPair();
  }

  /** A distinguished name with one common name. */
  private static byte[] name(String commonName) {
    return Der.sequence(Der.tlv(Der.SET, Der.sequence(Der.oid("2.5.4.3"), Der.utf8(commonName))));
  }

  private static byte[] extension(String oid, boolean critical, byte[] value) {
    return critical
        ? Der.sequence(Der.oid(oid), Der.bool(true), Der.octetString(value))
        : Der.sequence(Der.oid(oid), Der.octetString(value));
  }

  /** dNSName [2] for names, iPAddress [7] for address literals. */
  private static byte[] alternativeNames(List<String> hosts) throws UnknownHostException {
    Set<String> all = new LinkedHashSet<>(List.of("localhost", "127.0.0.1", "::1"));
    all.addAll(hosts);
    List<byte[]> names = new ArrayList<>();
    for (String host : all) {
      if (isAddressLiteral(host)) {
        InetAddress address = InetAddress.getByName(host);
        if (!address.isAnyLocalAddress()) {
          names.add(Der.tlv(Der.context(7, false), address.getAddress()));
        }
      } else if (!host.isBlank()) {
        names.add(Der.tlv(Der.context(2, false), host.getBytes(StandardCharsets.US_ASCII)));
      }
    }
    return Der.sequence(names.toArray(byte[][]::new));
  }

  private static boolean isAddressLiteral(String host) {
    return host.contains(":") || host.matches("\\d{1,3}(\\.\\d{1,3}){3}");
  }

  private static X509Certificate sign(
      SecureRandom random,
      byte[] issuer,
      byte[] subject,
      Instant from,
      Instant until,
      KeyPair subjectKeys,
      PrivateKey issuerKey,
      byte[] extensions)
      throws GeneralSecurityException, IOException {
    byte[] algorithm = Der.sequence(Der.oid(SIGNATURE_OID));
    byte[] tbs =
        Der.sequence(
            Der.tlv(Der.context(0, true), Der.integer(BigInteger.TWO)), // v3
            Der.integer(new BigInteger(63, random).add(BigInteger.ONE)), // positive, unique
            algorithm,
            issuer,
            Der.sequence(Der.time(from), Der.time(until)),
            subject,
            subjectKeys.getPublic().getEncoded(), // SubjectPublicKeyInfo, DER already
            Der.tlv(Der.context(3, true), extensions));
    Signature signature = Signature.getInstance(SIGNATURE);
    signature.initSign(issuerKey, random);
    signature.update(tbs);
    byte[] certificate = Der.sequence(tbs, algorithm, Der.bitString(0, signature.sign()));
    return (X509Certificate)
        CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(certificate));
  }

  private static String pem(X509Certificate certificate) {
    try {
      return "-----BEGIN CERTIFICATE-----\n"
          + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(certificate.getEncoded())
          + "\n-----END CERTIFICATE-----\n";
    } catch (java.security.cert.CertificateEncodingException e) {
      throw new IllegalStateException("Expected to encode a certificate, but: " + e.getMessage(), e);
    }
  }

  /** Who the certificates are for; never a key. */
  @Override
  public String toString() {
    return "EngineTls[" + server.getSubjectX500Principal().getName() + " by " + ca.getSubjectX500Principal().getName() + "]";
  }
}
