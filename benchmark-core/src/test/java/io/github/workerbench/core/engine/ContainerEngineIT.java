package io.github.workerbench.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.Ports;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.Topology;
import io.github.workerbench.model.result.RepeatMetrics;
import io.github.workerbench.model.result.ScenarioResult;
import io.github.workerbench.core.run.EngineRepeatDriver;
import io.github.workerbench.core.run.RunResults;
import io.github.workerbench.core.run.ScenarioRunner;
import io.github.workerbench.model.scenario.Scenario;
import io.github.workerbench.model.scenario.ScenarioPlan;
import io.github.workerbench.model.scenario.StrategyKind;
import io.github.workerbench.model.scenario.TransportKind;
import io.github.workerbench.model.scenario.WorkloadKind;
import io.github.workerbench.core.worker.DefaultWorkerFactory;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Worker Bench's engine image on Camunda's container contract, through Testcontainers and the
 * real client: readiness and liveness, a scenario over every transport, ports on 127.0.0.1 only,
 * CPU pinning, a fast failure for an image that cannot be pulled, and no container left behind,
 * whether closed or not. The image is built first when it is missing. Skipped, with the reason,
 * where Docker cannot be used.
 */
class ContainerEngineIT {

  private static final Logger LOG = LoggerFactory.getLogger("workerbench.test");

  private static DockerEnvironment docker;
  private static Optional<String> unavailable;
  private static String image;
  /** One container for the tests that only look at it, pinned to CPU 0: starts cost seconds. */
  private static ContainerEngine shared;
  /** One runner, hence one container, for the scenarios over the three transports. */
  private static ScenarioRunner runner;

  @BeforeAll
  static void buildTheImage() {
    docker = new DockerEnvironment();
    unavailable = docker.unavailableReason().or(EngineImage::unsupportedReason);
    if (unavailable.isEmpty()) {
      image = new EngineImage(docker.client(), EngineImage.locateEngineJar(), LOG::info).ensureBuilt();
      shared = new ContainerEngine(new ContainerSettings(image, "0"));
      shared.start();
      runner =
          new ScenarioRunner(
              new EngineRepeatDriver(() -> new ContainerEngine(image), new DefaultWorkerFactory()));
    }
  }

  /** Each test, not the class, is skipped: a skipped class would show no reason in the report. */
  @BeforeEach
  void requireDocker() {
    assumeTrue(
        unavailable.isEmpty(),
        () -> "Skipped: the container engine cannot run here: " + unavailable.get());
  }

  @AfterAll
  static void closeDocker() {
    if (runner != null) {
      runner.close();
    }
    if (shared != null) {
      shared.close();
    }
    if (docker != null) {
      docker.close();
    }
  }

  @Test
  void shouldAnswerReadinessLivenessAndTopologyWhenStarted() throws Exception {
    // given the started container
    try (HttpClient http = HttpClient.newHttpClient()) {
      // when / then
      for (String probe : List.of("/actuator/health/readiness", "/actuator/health/liveness")) {
        HttpResponse<String> answer =
            http.send(
                HttpRequest.newBuilder(shared.managementAddress().resolve(probe)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(probe).isEqualTo(200);
        assertThat(answer.body()).as(probe).isEqualTo("{\"status\":\"UP\"}");
      }
      for (boolean rest : List.of(true, false)) {
        try (CamundaClient client = shared.newClientBuilder().preferRestOverGrpc(rest).build()) {
          Topology topology = client.newTopologyRequest().send().join(30, TimeUnit.SECONDS);
          assertThat(topology.getBrokers()).as("rest=%s", rest).hasSize(1);
        }
      }
    }
    assertThat(shared.logTail())
        .as("the container's output")
        .anySatisfy(line -> assertThat(line).startsWith("engine ready grpc=0.0.0.0:26500"));
  }

  @Test
  void shouldBindEveryMappedPortToLoopbackOnlyWhenStarted() {
    // given the started container
    // when
    InspectContainerResponse container =
        docker.client().inspectContainerCmd(shared.containerId()).exec();

    // then, as Docker itself reports it
    Map<ExposedPort, Ports.Binding[]> bound = container.getNetworkSettings().getPorts().getBindings();
    for (int port : List.of(26500, 8080, 9600)) {
      Ports.Binding[] bindings = bound.get(ExposedPort.tcp(port));
      assertThat(bindings).as("bindings of %d", port).isNotEmpty();
      assertThat(bindings)
          .as("bindings of %d", port)
          .allSatisfy(binding -> assertThat(binding.getHostIp()).isEqualTo("127.0.0.1"));
    }
    assertThat(shared.grpcAddress().getHost()).isEqualTo("127.0.0.1");
    assertThat(shared.restAddress().getHost()).isEqualTo("127.0.0.1");
    assertThat(container.getConfig().getEnv())
        .as("Camunda's variables are passed, and ignored by our engine")
        .contains("CAMUNDA_DATA_SECONDARYSTORAGE_TYPE=none");
    assertThat(container.getConfig().getLabels()).containsEntry(ContainerEngine.LABEL, image);
  }

  @ParameterizedTest
  @EnumSource(TransportKind.class)
  void shouldCompleteEveryJobThroughTheRealClientWhenTheTransportIs(TransportKind transport) {
    // given
    ScenarioPlan plan =
        ScenarioPlan.of(
            Scenario.builder()
                .name("container_" + transport.id())
                .numInstances(20)
                .strategy(StrategyKind.VIRTUAL)
                .workloadType(WorkloadKind.SLEEP)
                .workDuration(0.05)
                .maxConcurrentJobs(5)
                .repeats(1)
                .timeout(60)
                .jobTimeoutMs(30_000)
                .transport(transport)
                .phase("container")
                .build());

    // when (the first transport's scenario starts the runner's container, the others reuse it)
    ScenarioResult result = runner.run(plan);

    // then
    RepeatMetrics repeat = RunResults.successfulRepeat(result);
    assertThat(repeat.jobsCompleted()).isEqualTo(20);
    assertThat(repeat.peakInFlight()).isLessThanOrEqualTo(5);
    if (result.startedEngine()) {
      assertThat(result.engineStartupSeconds()).isPositive();
    }
  }

  @Test
  void shouldLeaveNoContainerWhenClosed() {
    // given
    ContainerEngine engine = new ContainerEngine(image);
    engine.start();
    String id = engine.containerId();

    // when
    engine.close();

    // then
    assertThatThrownBy(() -> docker.client().inspectContainerCmd(id).exec())
        .isInstanceOf(NotFoundException.class);
    assertThat(ourContainers()).doesNotContain(id);
  }

  @Test
  void shouldPinTheContainerToTheCpusWhenACpusetIsGiven() {
    // given the container started with the cpuset 0
    // when
    String cpus =
        docker.client().inspectContainerCmd(shared.containerId()).exec().getHostConfig().getCpusetCpus();

    // then
    assertThat(cpus).isEqualTo("0");
  }

  @Test
  void shouldFailFastNamingTheImageAndTheBuildCommandWhenTheImageCannotBePulled() {
    // given an image on a registry that refuses at once, without leaving this machine
    ContainerEngine engine = new ContainerEngine("127.0.0.1:1/absent:1");
    long start = System.nanoTime();

    // when / then
    assertThatThrownBy(engine::start)
        .isInstanceOf(EngineStartException.class)
        .hasMessageStartingWith("Expected the image 127.0.0.1:1/absent:1 to be present or to be pulled")
        .hasMessageContaining("./bench engine-image")
        .hasMessageContaining("--engine-image workerbench/engine:latest");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
    engine.close();
  }

  @Test
  void shouldRemoveTheContainerWhenTheJvmExitsWithoutClosingIt() throws Exception {
    // given a JVM that starts an engine and exits without closing it
    Process child =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                UnclosedEngineMain.class.getName(),
                image)
            .redirectErrorStream(true)
            .start();
    String id = null;
    StringBuilder output = new StringBuilder();
    try (BufferedReader lines =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        output.append(line).append('\n');
        if (line.startsWith(UnclosedEngineMain.STARTED)) {
          id = line.substring(UnclosedEngineMain.STARTED.length());
        }
      }
    }

    // when
    assertThat(child.waitFor(60, TimeUnit.SECONDS)).as(output.toString()).isTrue();

    // then
    assertThat(id).as(output.toString()).isNotNull();
    String started = id;
    await("the container of the exited JVM to be removed")
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> !ourContainers().contains(started));
  }

  private static List<String> ourContainers() {
    return docker.client().listContainersCmd().withShowAll(true)
        .withLabelFilter(List.of(ContainerEngine.LABEL)).exec().stream()
        .map(container -> container.getId())
        .toList();
  }
}
