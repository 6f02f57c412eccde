package io.github.workerbench.core.engine;

import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import io.camunda.client.CamundaClient;
import io.camunda.client.CamundaClientBuilder;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.output.OutputFrame;
import org.testcontainers.containers.wait.strategy.AbstractWaitStrategy;
import org.testcontainers.utility.DockerImageName;

/**
 * An engine image run in Docker through Testcontainers, on Camunda's container contract: gRPC on
 * {@value #GRPC_PORT}, REST on {@value #REST_PORT}, ready once the management port {@value
 * #MANAGEMENT_PORT} answers {@value #READINESS_PATH} with 200. Camunda's image ({@value
 * #DEFAULT_IMAGE}) and Worker Bench's own ({@code workerbench/engine}, see {@link EngineImage})
 * are treated alike; the {@code CAMUNDA_*} variables that turn off secondary storage,
 * authentication and authorizations (a job worker needs none of them, and they would slow
 * start-up and every command) are set for both, and ours ignores them.
 *
 * <p>Start-up, in order, each step failing fast with an {@link EngineStartException} that says
 * what to do: Docker must answer ({@link DockerEnvironment}; else a {@link
 * DockerUnavailableException}); the image must be present, or come from a single pull of at
 * most {@link DockerEnvironment#PULL_TIMEOUT} (never a retry loop); the container must answer
 * readiness within {@link #STARTUP_TIMEOUT}, and an exited container ends the wait at once.
 *
 * <p>Network: every mapped port is bound to 127.0.0.1 on the host (Docker's default, every
 * interface, would put an unauthenticated engine on the network), and the addresses are built
 * with 127.0.0.1, whatever host Testcontainers detects. Placement: {@link
 * ContainerSettings#cpuset()} pins the container to those CPUs.
 *
 * <p>Clean-up: {@link #close()} removes the container; when Testcontainers' reaper (Ryuk) is off
 * ({@code TESTCONTAINERS_RYUK_DISABLED=true}), a JVM shutdown hook removes it too, should the
 * JVM end without closing. The last {@value #LOG_TAIL_LINES} lines of the container's output are
 * kept, also after it stopped or was killed ({@link #logTail()}).
 *
 * <p>Constructing it needs no Docker; {@link #start()} does. Not thread-safe for start/close.
 */
public final class ContainerEngine implements EngineAdapter {

  /** The image started when none is configured. */
  public static final String DEFAULT_IMAGE = "camunda/camunda:8.9.0";

  /** The label every container of this adapter carries (its value: the image). */
  public static final String LABEL = "io.github.workerbench.engine";

  /** How many lines of the container's output {@link #logTail()} keeps. */
  public static final int LOG_TAIL_LINES = 200;

  /** How long a started container may take to answer readiness. */
  public static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(3);

  static final int GRPC_PORT = 26500;
  static final int REST_PORT = 8080;
  static final int MANAGEMENT_PORT = 9600;
  static final String READINESS_PATH = "/actuator/health/readiness";
  static final String LOOPBACK = "127.0.0.1";

  private static final Duration READINESS_POLL = Duration.ofMillis(50);
  private static final int PROBE_TIMEOUT_MILLIS = 1_000;
  private static final Logger LOG = LoggerFactory.getLogger("workerbench.engine");

  private final ContainerSettings settings;
  private final GenericContainer<?> container;
  private final OutputTail output = new OutputTail(LOG_TAIL_LINES);
  // read by the shutdown hook's thread
  private volatile DockerEnvironment docker;
  private Thread removeAtExit;
  private URI grpcAddress;
  private URI restAddress;
  private URI managementAddress;

  /** An engine on {@code image}, e.g. {@code camunda/camunda:8.9.0}, on every CPU; not started. */
  public ContainerEngine(String image) {
    this(ContainerSettings.of(image));
  }

  /** An engine as these settings say; not started. */
  public ContainerEngine(ContainerSettings settings) {
    this.settings = settings;
    this.container = newContainer(settings, output);
  }

  private static GenericContainer<?> newContainer(ContainerSettings settings, OutputTail output) {
    return new GenericContainer<>(DockerImageName.parse(settings.image()))
        .withExposedPorts(GRPC_PORT, REST_PORT, MANAGEMENT_PORT)
        .withEnv("CAMUNDA_DATA_SECONDARYSTORAGE_TYPE", "none")
        .withEnv("CAMUNDA_SECURITY_AUTHENTICATION_UNPROTECTEDAPI", "true")
        .withEnv("CAMUNDA_SECURITY_AUTHORIZATIONS_ENABLED", "false")
        .withLabel(LABEL, settings.image())
        // start() makes sure the image is present, having pulled it at most once
        .withImagePullPolicy(image -> false)
        .withLogConsumer(
            (OutputFrame frame) -> {
              if (frame.getType() != OutputFrame.OutputType.END) {
                output.append(frame.getUtf8String());
              }
            })
        .withCreateContainerCmdModifier(
            command -> {
              HostConfig host = command.getHostConfig();
              host.withPortBindings(
                  loopback(GRPC_PORT), loopback(REST_PORT), loopback(MANAGEMENT_PORT));
              if (settings.pinned()) {
                host.withCpusetCpus(settings.cpuset());
              }
            })
        // readiness is awaited on 127.0.0.1 by start(): Testcontainers' own strategies would
        // use the host it detects and run a shell inside the container, which ours lacks
        .waitingFor(
            new AbstractWaitStrategy() {
              @Override
              protected void waitUntilReady() {}
            });
  }

  private static PortBinding loopback(int port) {
    return new PortBinding(Ports.Binding.bindIp(LOOPBACK), ExposedPort.tcp(port));
  }

  /** The image this engine starts. */
  public String image() {
    return settings.image();
  }

  /** What this engine starts. */
  public ContainerSettings settings() {
    return settings;
  }

  /** The container as configured, for inspection. */
  GenericContainer<?> container() {
    return container;
  }

  /** The id of the running container; valid after {@link #start()}. */
  public String containerId() {
    requireStarted(grpcAddress);
    return container.getContainerId();
  }

  /** The management address ({@code http://127.0.0.1:<port>}); valid after {@link #start()}. */
  public URI managementAddress() {
    return requireStarted(managementAddress);
  }

  /**
   * Starts the container and waits until it answers readiness.
   *
   * @throws DockerUnavailableException when Docker cannot be used here
   * @throws EngineStartException when the image is absent and cannot be pulled, or the container
   *     does not become ready
   */
  @Override
  public void start() {
    if (grpcAddress != null) {
      return;
    }
    docker = new DockerEnvironment();
    try {
      docker.requireAvailable();
      requireImage();
      if (!docker.reaperEnabled()) {
        removeAtExit = new Thread(this::removeContainer, "workerbench-engine-container-removal");
        Runtime.getRuntime().addShutdownHook(removeAtExit);
      }
      LOG.info("Starting a container of {}", image());
      try {
        container.start();
      } catch (RuntimeException e) {
        throw new EngineStartException(
            "Expected to start a container of "
                + image()
                + ", but "
                + DockerEnvironment.rootMessage(e)
                + lastLines(),
            e);
      }
      URI management = address(LOOPBACK, container.getMappedPort(MANAGEMENT_PORT));
      awaitReady(management);
      managementAddress = management;
      grpcAddress = address(LOOPBACK, container.getMappedPort(GRPC_PORT));
      restAddress = address(LOOPBACK, container.getMappedPort(REST_PORT));
      LOG.info("{} ready: grpc={} rest={}", container.getContainerId(), grpcAddress, restAddress);
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  private void requireImage() {
    if (docker.hasImage(image())) {
      return;
    }
    LOG.info("{} is not present; pulling it once", image());
    try {
      docker.pullOnce(image(), DockerEnvironment.PULL_TIMEOUT);
    } catch (IllegalStateException e) {
      throw new EngineStartException(
          "Expected the image "
              + image()
              + " to be present or to be pulled, but it is absent and one pull failed ("
              + e.getMessage()
              + "). Build Worker Bench's engine image with ./bench engine-image and choose it"
              + " with --engine-image "
              + EngineImage.LATEST
              + " (or -D"
              + EngineSettings.IMAGE_PROPERTY
              + "="
              + EngineImage.LATEST
              + "), or pull "
              + image()
              + " where a registry is reachable.",
          e);
    }
  }

  private void awaitReady(URI management) {
    URI readiness = management.resolve(READINESS_PATH);
    long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
    String last = "no answer yet";
    while (true) {
      try {
        int status = status(readiness);
        if (status == 200) {
          return;
        }
        last = "it answered " + status;
      } catch (IOException e) {
        last = DockerEnvironment.rootMessage(e);
      }
      InspectContainerResponse.ContainerState state =
          container.getCurrentContainerInfo().getState();
      if (!Boolean.TRUE.equals(state.getRunning())) {
        throw new EngineStartException(
            "Expected the container of "
                + image()
                + " to answer "
                + readiness
                + " with 200, but it exited with code "
                + state.getExitCodeLong()
                + lastLines());
      }
      if (System.nanoTime() > deadline) {
        throw new EngineStartException(
            "Expected the container of "
                + image()
                + " to answer "
                + readiness
                + " with 200 within "
                + STARTUP_TIMEOUT.toSeconds()
                + " s, but "
                + last
                + lastLines());
      }
      LockSupport.parkNanos(READINESS_POLL.toNanos());
    }
  }

  private static int status(URI uri) throws IOException {
    HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
    connection.setConnectTimeout(PROBE_TIMEOUT_MILLIS);
    connection.setReadTimeout(PROBE_TIMEOUT_MILLIS);
    try {
      return connection.getResponseCode();
    } finally {
      connection.disconnect();
    }
  }

  /** The container's last lines for a start failure's message, read back if the stream missed them. */
  private String lastLines() {
    if (container.getContainerId() != null) {
      try {
        output.replaceWith(container.getLogs());
      } catch (RuntimeException e) {
        LOG.debug("Reading the logs of {} failed", container.getContainerId(), e);
      }
    }
    List<String> lines = output.lines();
    if (lines.isEmpty()) {
      return ". The container printed nothing.";
    }
    List<String> last = lines.subList(Math.max(0, lines.size() - 5), lines.size());
    return ". Its last lines: " + String.join(" | ", last);
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

  /** The last lines the container printed, oldest first; kept after it stopped. */
  @Override
  public List<String> logTail() {
    return output.lines();
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

  /** Removes the container (its last output stays in {@link #logTail()}); idempotent. */
  @Override
  public void close() {
    grpcAddress = null;
    restAddress = null;
    managementAddress = null;
    try {
      if (container.getContainerId() != null) {
        container.stop();
      }
    } catch (RuntimeException e) {
      LOG.warn("Removing the container of {} failed: {}", image(), e.toString());
      removeContainer();
    }
    if (removeAtExit != null) {
      try {
        Runtime.getRuntime().removeShutdownHook(removeAtExit);
      } catch (IllegalStateException e) {
        // the JVM is shutting down: the hook runs anyway
      }
      removeAtExit = null;
    }
    if (docker != null) {
      docker.close();
      docker = null;
    }
  }

  /** Force-removes the container through our own client; for the shutdown hook and failures. */
  private void removeContainer() {
    String id = container.getContainerId();
    DockerEnvironment environment = docker;
    if (id == null || environment == null) {
      return;
    }
    try {
      environment.client().removeContainerCmd(id).withForce(true).withRemoveVolumes(true).exec();
    } catch (NotFoundException e) {
      // already gone
    } catch (RuntimeException e) {
      LOG.warn("Removing container {} failed: {}", id, e.toString());
    }
  }

  private static URI requireStarted(URI address) {
    if (address == null) {
      throw new IllegalStateException("the container engine has not been started");
    }
    return address;
  }

  @Override
  public String toString() {
    return "ContainerEngine[" + image() + (settings.pinned() ? ", cpus " + settings.cpuset() : "") + "]";
  }
}
