package io.github.workerbench.core.engine;

import io.camunda.client.CamundaClient;
import io.camunda.client.CamundaClientBuilder;
import java.net.URI;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

/**
 * The Camunda image run in Docker through Testcontainers: one broker with its gateway, gRPC on
 * {@value #GRPC_PORT} and REST on {@value #REST_PORT}, ready once the management port
 * {@value #MANAGEMENT_PORT} answers {@value #READINESS_PATH} with 200. Secondary storage,
 * authentication and authorizations are off: a job worker needs none of them, and they would
 * only slow start-up and every command.
 *
 * <p>Needs a Docker daemon at {@link #start()}; constructing it does not. Not thread-safe for
 * start/close.
 */
public final class ContainerEngine implements EngineAdapter {

  /** The image started when none is configured. */
  public static final String DEFAULT_IMAGE = "camunda/camunda:8.9.0";

  static final int GRPC_PORT = 26500;
  static final int REST_PORT = 8080;
  static final int MANAGEMENT_PORT = 9600;
  static final String READINESS_PATH = "/actuator/health/readiness";
  static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(3);

  private static final Logger LOG = LoggerFactory.getLogger("workerbench.engine");

  private final DockerImageName image;
  private final GenericContainer<?> container;
  private URI grpcAddress;
  private URI restAddress;

  /** An engine on {@code image}, e.g. {@code camunda/camunda:8.9.0}; not started. */
  public ContainerEngine(String image) {
    this.image = DockerImageName.parse(image);
    this.container = newContainer(this.image);
  }

  private static GenericContainer<?> newContainer(DockerImageName image) {
    return new GenericContainer<>(image)
        .withExposedPorts(GRPC_PORT, REST_PORT, MANAGEMENT_PORT)
        .withEnv("CAMUNDA_DATA_SECONDARYSTORAGE_TYPE", "none")
        .withEnv("CAMUNDA_SECURITY_AUTHENTICATION_UNPROTECTEDAPI", "true")
        .withEnv("CAMUNDA_SECURITY_AUTHORIZATIONS_ENABLED", "false")
        .waitingFor(
            Wait.forHttp(READINESS_PATH)
                .forPort(MANAGEMENT_PORT)
                .forStatusCode(200)
                .withStartupTimeout(STARTUP_TIMEOUT));
  }

  /** The image this engine starts. */
  public String image() {
    return image.asCanonicalNameString();
  }

  /** The container as configured, for inspection. */
  GenericContainer<?> container() {
    return container;
  }

  @Override
  public void start() {
    if (grpcAddress != null) {
      return;
    }
    LOG.info("Starting {} (this can take a minute)", image());
    try {
      container.start();
    } catch (RuntimeException e) {
      throw new EngineStartException(
          "Expected to start the container engine from "
              + image()
              + ", but "
              + e.getMessage()
              + ". Check that Docker runs (docker info) and the image can be pulled, or use"
              + " --engine embedded.",
          e);
    }
    String host = container.getHost();
    grpcAddress = address(host, container.getMappedPort(GRPC_PORT));
    restAddress = address(host, container.getMappedPort(REST_PORT));
  }

  @Override
  public URI grpcAddress() {
    return requireStarted(grpcAddress);
  }

  @Override
  public URI restAddress() {
    return requireStarted(restAddress);
  }

  @Override
  public CamundaClientBuilder newClientBuilder() {
    return clientBuilder(grpcAddress(), restAddress());
  }

  /** A plaintext client builder on these addresses with environment overrides off. */
  static CamundaClientBuilder clientBuilder(URI grpcAddress, URI restAddress) {
    return CamundaClient.newClientBuilder()
        .applyEnvironmentVariableOverrides(false)
        .grpcAddress(grpcAddress)
        .restAddress(restAddress);
  }

  /** The {@code http} URI of a mapped port; the scheme makes the client use plaintext. */
  static URI address(String host, int port) {
    return URI.create("http://" + host + ":" + port);
  }

  @Override
  public void close() {
    container.stop();
    grpcAddress = null;
    restAddress = null;
  }

  private static URI requireStarted(URI address) {
    if (address == null) {
      throw new IllegalStateException("the container engine has not been started");
    }
    return address;
  }

  @Override
  public String toString() {
    return "ContainerEngine[" + image() + "]";
  }
}
