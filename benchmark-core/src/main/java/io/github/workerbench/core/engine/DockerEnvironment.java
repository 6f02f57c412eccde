package io.github.workerbench.core.engine;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.PullImageResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Network;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.dockerclient.DockerClientConfigUtils;
import org.testcontainers.dockerclient.DockerClientProviderStrategy;
import org.testcontainers.dockerclient.TransportConfig;
import org.testcontainers.utility.DockerImageName;

/**
 * Whether the container engine can run on this machine, found out fast and with the reason,
 * before Testcontainers tries anything that could retry for minutes.
 *
 * <p>Algorithm ({@link #unavailableReason()}, once per instance): where {@code DOCKER_HOST} names
 * a daemon, that one must answer (Testcontainers would quietly fall back to another); then find
 * the daemon the way Testcontainers does ({@code DOCKER_HOST}, {@code
 * ~/.testcontainers.properties}, the usual sockets) and ping it. Then make sure of each image
 * Testcontainers would need before it starts any container, trying a single pull (at most {@link
 * #PULL_TIMEOUT}) where one is absent, since Testcontainers itself retries such a pull for
 * minutes on a machine without a registry: the resource reaper's (Ryuk), unless {@code
 * TESTCONTAINERS_RYUK_DISABLED=true}; and, where this JVM runs inside a container ({@code
 * /.dockerenv}) and Docker's bridge network names no gateway, the {@value #TINY_IMAGE} that
 * Testcontainers starts to find the Docker host, unless {@code TESTCONTAINERS_HOST_OVERRIDE}
 * names it.
 *
 * <p>{@link #client()} is a Docker client of its own (no Ryuk, no start-up checks) for looking at
 * images and containers and for building the engine image; Testcontainers' global client still
 * runs the containers. Not thread-safe; close it to release the client.
 */
public final class DockerEnvironment implements AutoCloseable {

  /** How long one pull may take before the start fails. */
  public static final Duration PULL_TIMEOUT = Duration.ofSeconds(30);

  /**
   * The resource reaper's image as Testcontainers 2.0.5 names it ({@code RyukContainer}); a test
   * checks it against the Testcontainers on the class path.
   */
  static final String RYUK_IMAGE = "testcontainers/ryuk:0.14.0";

  /** The image Testcontainers 2.0.5 starts to find the Docker host from inside a container. */
  static final String TINY_IMAGE = "alpine:3.17";

  private static final int CONNECT_TIMEOUT_MILLIS = 2_000;

  private static final Pattern DAEMON_MESSAGE =
      Pattern.compile("Status \\d+: \\{\"message\":\"(.*)\"}\\s*", Pattern.DOTALL);

  private final Map<String, String> environment;
  private DockerClient client;
  private Optional<String> reason;

  /** The Docker of this process's environment. */
  public DockerEnvironment() {
    this(System.getenv());
  }

  /** The Docker these environment variables describe (tests pass their own). */
  DockerEnvironment(Map<String, String> environment) {
    this.environment = Map.copyOf(environment);
  }

  /**
   * Why the container engine cannot run here, or empty when it can. The first call looks (at
   * most one ping per socket and one pull of Ryuk's image); later calls answer at once.
   */
  public Optional<String> unavailableReason() {
    if (reason == null) {
      reason = Optional.ofNullable(look());
    }
    return reason;
  }

  /**
   * Checks that the container engine can run here.
   *
   * @throws DockerUnavailableException with the reason and what to do about it
   */
  public void requireAvailable() {
    Optional<String> why = unavailableReason();
    if (why.isPresent()) {
      throw new DockerUnavailableException(
          "Expected to use Docker for the container engine, but "
              + why.get()
              + "; or use --engine embedded");
    }
  }

  /**
   * A Docker client without Testcontainers' reaper and checks.
   *
   * @throws DockerUnavailableException when Docker cannot be used here
   */
  public DockerClient client() {
    requireAvailable();
    return client;
  }

  /**
   * Whether Testcontainers removes its containers through Ryuk ({@code
   * TESTCONTAINERS_RYUK_DISABLED} not {@code true}); otherwise whoever starts a container must
   * remove it, also at JVM exit.
   */
  public boolean reaperEnabled() {
    return !Boolean.parseBoolean(environment.get("TESTCONTAINERS_RYUK_DISABLED"));
  }

  /** Whether the image is present in the daemon. */
  public boolean hasImage(String image) {
    return hasImage(client(), image);
  }

  /**
   * Pulls the image once, for at most {@code limit}: never a retry, since on a machine without a
   * registry every attempt fails the same way.
   *
   * @throws IllegalStateException with the daemon's reason when the pull fails or takes longer
   */
  public void pullOnce(String image, Duration limit) {
    pullOnce(client(), image, limit);
  }

  private String look() {
    String named = namedHostProblem();
    if (named != null) {
      return named;
    }
    try {
      TransportConfig transport = DockerClientFactory.instance().getTransportConfig();
      client = DockerClientProviderStrategy.getClientForConfig(transport);
      client.pingCmd().exec();
    } catch (RuntimeException e) {
      closeClient();
      String found = rootMessage(e);
      return "no Docker daemon answers ("
          + describeHost()
          + (found.startsWith("Could not find a valid Docker environment")
              ? ""
              : "; Testcontainers: " + found)
          + "). Start one (on Debian: sudo .ci/docker-up; see README, \"Docker\")";
    }
    if (reaperEnabled()) {
      try {
        if (!hasImage(client, RYUK_IMAGE)) {
          pullOnce(client, RYUK_IMAGE, PULL_TIMEOUT);
        }
      } catch (RuntimeException e) {
        return "Testcontainers' resource reaper needs the image "
            + RYUK_IMAGE
            + ", which is absent and could not be pulled ("
            + rootMessage(e)
            + "); set TESTCONTAINERS_RYUK_DISABLED=true where no registry is reachable: the"
            + " container engine then removes its containers itself, on close and at JVM exit";
      }
    }
    if (needsHostDetection()) {
      try {
        if (!hasImage(client, TINY_IMAGE)) {
          pullOnce(client, TINY_IMAGE, PULL_TIMEOUT);
        }
      } catch (RuntimeException e) {
        return "this JVM runs inside a container (/.dockerenv), where Testcontainers starts "
            + TINY_IMAGE
            + " to find the Docker host, and that image is absent and could not be pulled ("
            + rootMessage(e)
            + "); set TESTCONTAINERS_HOST_OVERRIDE=localhost where Docker's ports are this"
            + " machine's, as the container engine's are (it reaches them on 127.0.0.1)";
      }
    }
    return null;
  }

  /**
   * Whether Testcontainers will start {@value #TINY_IMAGE} to find the Docker host: inside a
   * container, on a local socket, with no host override and no gateway on the bridge network.
   */
  private boolean needsHostDetection() {
    if (!DockerClientConfigUtils.IN_A_CONTAINER) {
      return false;
    }
    String override = environment.get("TESTCONTAINERS_HOST_OVERRIDE");
    if (override != null && !override.isBlank()) {
      return false;
    }
    String scheme = DockerClientFactory.instance().getTransportConfig().getDockerHost().getScheme();
    if (!"unix".equals(scheme) && !"npipe".equals(scheme)) {
      return false;
    }
    try {
      Network.Ipam ipam = client.inspectNetworkCmd().withNetworkId("bridge").exec().getIpam();
      return ipam == null
          || ipam.getConfig() == null
          || ipam.getConfig().stream().noneMatch(config -> config.getGateway() != null);
    } catch (RuntimeException e) {
      return true;
    }
  }

  private static boolean hasImage(DockerClient docker, String image) {
    try {
      docker.inspectImageCmd(image).exec();
      return true;
    } catch (NotFoundException e) {
      return false;
    }
  }

  private static void pullOnce(DockerClient docker, String image, Duration limit) {
    DockerImageName name = DockerImageName.parse(image);
    PullImageResultCallback callback =
        docker
            .pullImageCmd(name.getUnversionedPart())
            .withTag(name.getVersionPart())
            .exec(new PullImageResultCallback());
    try {
      if (!callback.awaitCompletion(limit.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new IllegalStateException(
            "the pull did not finish within " + limit.toSeconds() + " s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("the pull was interrupted", e);
    } catch (IllegalStateException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new IllegalStateException(rootMessage(e), e);
    } finally {
      try {
        callback.close();
      } catch (IOException e) {
        // the pull is over either way
      }
    }
  }

  /**
   * Why the daemon {@code DOCKER_HOST} names does not answer, or null: Testcontainers would fall
   * back to the default socket, a daemon other than the one the user named.
   */
  private String namedHostProblem() {
    String host = environment.get("DOCKER_HOST");
    if (host == null || host.isBlank()) {
      return null;
    }
    URI uri;
    try {
      uri = URI.create(host.strip());
    } catch (IllegalArgumentException e) {
      return "DOCKER_HOST=" + host + " is not an address such as unix:///var/run/docker.sock";
    }
    String scheme = String.valueOf(uri.getScheme());
    try {
      switch (scheme) {
        case "unix" -> {
          Path socket = Path.of(uri.getPath());
          if (!Files.exists(socket)) {
            return "no Docker daemon answers (DOCKER_HOST="
                + host
                + ": there is no socket "
                + socket
                + "). Start one (on Debian: sudo .ci/docker-up; see README, \"Docker\")";
          }
          try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(socket));
          }
        }
        case "tcp", "http", "https" -> {
          try (Socket socket = new Socket()) {
            socket.connect(
                new InetSocketAddress(uri.getHost(), uri.getPort() < 0 ? 2375 : uri.getPort()),
                CONNECT_TIMEOUT_MILLIS);
          }
        }
        default -> {
          return null; // npipe and the like: Testcontainers knows them
        }
      }
    } catch (IOException e) {
      return "no Docker daemon answers (DOCKER_HOST="
          + host
          + ": "
          + rootMessage(e)
          + "). Start one (on Debian: sudo .ci/docker-up; see README, \"Docker\")";
    }
    return null;
  }

  private String describeHost() {
    String host = environment.get("DOCKER_HOST");
    return host == null || host.isBlank()
        ? "DOCKER_HOST is not set, and Testcontainers found none at the usual sockets such as"
            + " /var/run/docker.sock"
        : "DOCKER_HOST=" + host + ", where Testcontainers found none";
  }

  /** The innermost message, the daemon's own words where it answered {@code {"message": …}}. */
  static String rootMessage(Throwable error) {
    Throwable root = error;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage();
    if (message == null || message.isBlank()) {
      return root.getClass().getSimpleName();
    }
    Matcher daemon = DAEMON_MESSAGE.matcher(message.strip());
    return daemon.matches() ? daemon.group(1).replace("\\\"", "\"") : message.strip();
  }

  @Override
  public void close() {
    closeClient();
  }

  private void closeClient() {
    if (client != null) {
      try {
        client.close();
      } catch (IOException e) {
        // nothing left to release
      }
      client = null;
    }
  }
}
