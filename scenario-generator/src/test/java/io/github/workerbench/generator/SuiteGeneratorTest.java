package io.github.workerbench.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.workerbench.model.scenario.AcquisitionKind;
import io.github.workerbench.model.scenario.Phase;
import io.github.workerbench.model.scenario.Scenario;
import io.github.workerbench.model.scenario.ScenarioReader;
import io.github.workerbench.model.scenario.ScenarioWriter;
import io.github.workerbench.model.scenario.StrategyKind;
import io.github.workerbench.model.scenario.TransportKind;
import io.github.workerbench.model.scenario.WorkloadKind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class SuiteGeneratorTest {

  private static Locale defaultLocale;

  @BeforeAll
  static void useCommaDecimalLocale() {
    // A locale with decimal commas: the writers must not depend on the default locale.
    defaultLocale = Locale.getDefault();
    Locale.setDefault(Locale.GERMANY);
  }

  @AfterAll
  static void restoreLocale() {
    Locale.setDefault(defaultLocale);
  }

  @Test
  void shouldHaveTheSeedPhaseCountsWhenGeneratingFull() {
    // when
    List<Scenario> full = SuiteGenerator.generate(Suite.FULL);

    // then
    assertThat(full).hasSize(71);
    assertThat(countsByPhase(full))
        .containsExactly(
            Map.entry("1_baseline", 3),
            Map.entry("2_workload_types", 6),
            Map.entry("3_concurrency_scaling", 15),
            Map.entry("4_load_scaling", 15),
            Map.entry("5_work_duration", 10),
            Map.entry("6_interactions", 12),
            Map.entry("7_edge_cases", 6),
            Map.entry("8_subprocess_threading", 4));
  }

  @Test
  void shouldWriteEveryPhaseOfTheModelAndNoOtherWhenGeneratingEverySuite() {
    // given the phases the reports look up through the model
    Set<String> modelPhases =
        Arrays.stream(Phase.values()).map(Phase::id).collect(Collectors.toSet());

    // when
    Set<String> generated =
        Arrays.stream(Suite.values())
            .flatMap(suite -> SuiteGenerator.generate(suite).stream())
            .map(Scenario::phase)
            .collect(Collectors.toSet());

    // then a phase renamed in the generator alone, or in the model alone, fails here
    assertThat(generated).isEqualTo(modelPhases);
    assertThat(SuiteGenerator.generate(Suite.FULL))
        .extracting(Scenario::name)
        .contains(Phase.MASSIVE_LOAD_SCENARIO);
  }

  @Test
  void shouldAddTheJavaPhasesWhenGeneratingExtended() {
    // when
    List<Scenario> extended = SuiteGenerator.generate(Suite.EXTENDED);

    // then
    assertThat(extended).hasSize(71 + 20 + 9 + 6 + 24 + 18 + 15);
    assertThat(extended.subList(0, 71)).isEqualTo(SuiteGenerator.generate(Suite.FULL));
    Map<String, Integer> counts = countsByPhase(extended);
    assertThat(counts).containsEntry("9_java_strategies", 20);
    assertThat(counts).containsEntry("10_transport", 9);
    assertThat(counts).containsEntry("11_acquisition", 6);
    assertThat(counts).containsEntry(Phase.CLUSTER_LATENCY.id(), 24);
    assertThat(counts).containsEntry(Phase.THROUGHPUT.id(), 18);
    assertThat(counts).containsEntry(Phase.HTTP_DOWNSTREAM.id(), 15);
  }

  @Test
  void shouldCrossAcquisitionTransportAndLatencyWhenGeneratingTheClusterLatencyPhase() {
    // when
    Map<String, Scenario> extended = byName(SuiteGenerator.generate(Suite.EXTENDED));

    // then
    Scenario far = extended.get("latency_jobworker_x2_grpc-stream_100ms");
    assertThat(far.engineConditions().latencyMillis()).isEqualTo(100);
    assertThat(far.maxJobsActive()).isEqualTo(40);
    assertThat(far.transport()).isEqualTo(TransportKind.GRPC_STREAM);
    assertThat(far.workloadType()).isEqualTo(WorkloadKind.SLEEP);
    assertThat(List.of(far.numInstances(), far.maxConcurrentJobs())).containsExactly(200, 20);
    assertThat(far.workDuration()).isEqualTo(0.5);
    Scenario near = extended.get("latency_direct_rest_0ms");
    assertThat(near.acquisition()).isEqualTo(AcquisitionKind.DIRECT);
    assertThat(near.engineConditions().active()).isFalse();
  }

  @Test
  void shouldRunEveryStrategyAtThreeConcurrenciesWhenGeneratingTheHttpPhase() {
    // when
    List<Scenario> http =
        SuiteGenerator.generate(Suite.EXTENDED).stream()
            .filter(s -> s.phase().equals(Phase.HTTP_DOWNSTREAM.id()))
            .toList();

    // then
    assertThat(http).extracting(Scenario::workloadType).containsOnly(WorkloadKind.HTTP);
    assertThat(http).extracting(Scenario::strategy).containsOnly(StrategyKind.values());
    assertThat(http).extracting(Scenario::maxConcurrentJobs).containsOnly(10, 100, 1000);
    assertThat(http).allSatisfy(s -> assertThat(s.numInstances()).isEqualTo(3 * s.maxConcurrentJobs()));
    assertThat(byName(http).get("http_process_c1000").timeout()).isEqualTo(360.0);
  }

  @Test
  void shouldCrossStrategiesConcurrenciesAndShortSleepsWhenGeneratingThroughput() {
    // when
    List<Scenario> throughput = JavaPhases.throughput();

    // then: virtual, thread, async x c = 100, 1,000 x d = 100, 50, 10 ms, 20 waves each
    assertThat(throughput).hasSize(18);
    assertThat(throughput.get(0).name()).isEqualTo("throughput_virtual_c100_d100ms");
    assertThat(throughput.get(17).name()).isEqualTo("throughput_async_c1000_d10ms");
    assertThat(throughput)
        .allSatisfy(
            s -> {
              assertThat(s.phase()).isEqualTo(Phase.THROUGHPUT.id());
              assertThat(s.workloadType()).isEqualTo(WorkloadKind.SLEEP);
              assertThat(s.acquisition()).isEqualTo(AcquisitionKind.DIRECT);
              assertThat(s.transport()).isEqualTo(TransportKind.GRPC_STREAM);
              assertThat(s.numInstances()).isEqualTo(20 * s.maxConcurrentJobs());
            });
    assertThat(throughput.stream().map(Scenario::strategy).distinct())
        .containsExactly(StrategyKind.VIRTUAL, StrategyKind.THREAD, StrategyKind.ASYNC);
    assertThat(throughput.stream().map(Scenario::workDuration).distinct())
        .containsExactly(0.1, 0.05, 0.01);
    Scenario hardest = throughput.get(17);
    assertThat(hardest.maxConcurrentJobs()).isEqualTo(1_000);
    assertThat(hardest.workDuration()).isEqualTo(0.01);
    assertThat(hardest.description()).contains("100,000 jobs/s at the ideal");
  }

  @Test
  void shouldMatchTheIssueWhenGeneratingMinimal() {
    // when
    List<Scenario> minimal = SuiteGenerator.generate(Suite.MINIMAL);

    // then
    assertThat(minimal)
        .extracting(Scenario::name)
        .containsExactly("smoke_async", "smoke_thread", "smoke_auto");
    assertThat(minimal)
        .allSatisfy(
            s -> {
              assertThat(s.phase()).isEqualTo("smoke_test");
              assertThat(s.numInstances()).isEqualTo(5);
              assertThat(s.workDuration()).isEqualTo(0.5);
              assertThat(s.maxConcurrentJobs()).isEqualTo(5);
              assertThat(s.repeats()).isEqualTo(1);
              assertThat(s.timeout()).isEqualTo(30);
              assertThat(s.workloadType()).isEqualTo(WorkloadKind.CPU);
              assertThat(s.jobTimeoutMs()).isEqualTo(30_000);
            });
  }

  @Test
  void shouldMatchTheIssueWhenGeneratingQuick() {
    // when
    List<Scenario> quick = SuiteGenerator.generate(Suite.QUICK);

    // then
    assertThat(quick)
        .extracting(Scenario::name)
        .containsExactly(
            "baseline_async",
            "baseline_thread",
            "baseline_auto",
            "quick_conc_async_1",
            "quick_conc_async_10",
            "quick_conc_async_50",
            "quick_conc_thread_1",
            "quick_conc_thread_10",
            "quick_conc_thread_50",
            "quick_workload_cpu",
            "quick_workload_io");
    assertThat(quick.subList(0, 3)).isEqualTo(GuidePhases.baseline());
    Scenario conc = byName(quick).get("quick_conc_thread_50");
    assertThat(conc.phase()).isEqualTo("quick_concurrency");
    assertThat(conc.numInstances()).isEqualTo(20);
    assertThat(conc.maxConcurrentJobs()).isEqualTo(50);
    assertThat(conc.repeats()).isEqualTo(1);
    Scenario io = byName(quick).get("quick_workload_io");
    assertThat(io.phase()).isEqualTo("quick_workload");
    assertThat(io.strategy()).isEqualTo(StrategyKind.ASYNC);
    assertThat(io.workloadType()).isEqualTo(WorkloadKind.IO);
    assertThat(io.numInstances()).isEqualTo(10);
    assertThat(io.repeats()).isEqualTo(1);
  }

  @Test
  void shouldApplyThePhaseRulesWhenGeneratingFull() {
    // given
    Map<String, Scenario> full = byName(SuiteGenerator.generate(Suite.FULL));

    // then
    Scenario baseline = full.get("baseline_auto");
    assertThat(baseline.numInstances()).isEqualTo(10);
    assertThat(baseline.workDuration()).isEqualTo(1.0);
    assertThat(baseline.maxConcurrentJobs()).isEqualTo(10);
    assertThat(baseline.repeats()).isEqualTo(3);
    assertThat(baseline.timeout()).isEqualTo(120);
    assertThat(full.get("workload_thread_subprocess").workDuration()).isEqualTo(2.0);
    assertThat(full.get("workload_thread_subprocess").workloadType())
        .isEqualTo(WorkloadKind.SUBPROCESS);
    assertThat(full.get("concurrency_auto_50").maxConcurrentJobs()).isEqualTo(50);
    assertThat(full.get("concurrency_auto_50").numInstances()).isEqualTo(50);
    assertThat(full.get("concurrency_auto_50").timeout()).isEqualTo(180);
    assertThat(full.get("load_thread_50").timeout()).isEqualTo(120);
    assertThat(full.get("load_thread_100").timeout()).isEqualTo(240);
    assertThat(full.get("load_thread_200").numInstances()).isEqualTo(200);
    assertThat(full.get("load_thread_200").maxConcurrentJobs()).isEqualTo(20);
    assertThat(full.get("duration_async_0.1s").timeout()).isEqualTo(120);
    assertThat(full.get("duration_async_5.0s").timeout()).isEqualTo(150);
    assertThat(full.get("duration_async_5.0s").workDuration()).isEqualTo(5.0);
    assertThat(full.get("interaction_thread_io_c50").numInstances()).isEqualTo(30);
    assertThat(full.get("interaction_thread_io_c50").timeout()).isEqualTo(180);
    assertThat(full.get("subprocess_threaded_async_c20").workloadType())
        .isEqualTo(WorkloadKind.SUBPROCESS_THREADED);
    assertThat(full.get("subprocess_threaded_async_c20").timeout()).isEqualTo(180);
    assertThat(full.values())
        .allSatisfy(
            s -> {
              assertThat(s.jobTimeoutMs()).isEqualTo(30_000);
              assertThat(s.description()).isNotBlank();
              assertThat(s.transport()).isNull();
              assertThat(s.acquisition()).isNull();
            });
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          # name                      | n   | strategy | workload   | d    | c   | timeout
          edge_single_job             | 1   | ASYNC    | CPU        | 1.0  | 1   | 120.0
          edge_massive_load           | 500 | AUTO     | CPU        | 0.5  | 50  | 300.0
          edge_bottleneck             | 100 | THREAD   | CPU        | 1.0  | 2   | 360.0
          edge_long_duration          | 10  | ASYNC    | IO         | 10.0 | 5   | 240.0
          edge_subprocess_stress      | 50  | THREAD   | SUBPROCESS | 2.0  | 20  | 180.0
          edge_high_concurrency_async | 100 | ASYNC    | CPU        | 0.5  | 100 | 180.0
          """)
  void shouldMatchTheIssueWhenGeneratingEdgeCases(
      String name,
      int numInstances,
      StrategyKind strategy,
      WorkloadKind workload,
      double workDuration,
      int maxConcurrentJobs,
      double timeout) {
    // given
    Map<String, Scenario> edge = byName(GuidePhases.edgeCases());

    // then
    assertThat(edge.get(name))
        .extracting(
            Scenario::numInstances,
            Scenario::strategy,
            Scenario::workloadType,
            Scenario::workDuration,
            Scenario::maxConcurrentJobs,
            Scenario::timeout)
        .containsExactly(numInstances, strategy, workload, workDuration, maxConcurrentJobs, timeout);
  }

  @Test
  void shouldRepeatTheMassiveLoadOnceWhenGeneratingEdgeCases() {
    // given
    Map<String, Scenario> edge = byName(GuidePhases.edgeCases());

    // then
    assertThat(edge).hasSize(6);
    assertThat(edge.get("edge_massive_load").repeats()).isEqualTo(1);
  }

  @Test
  void shouldSetTransportAndAcquisitionWhenGeneratingJavaPhases() {
    // given
    Map<String, Scenario> extended = byName(SuiteGenerator.generate(Suite.EXTENDED));

    // then
    Scenario stream = extended.get("transport_grpc-stream_c100");
    assertThat(stream.transport()).isEqualTo(TransportKind.GRPC_STREAM);
    assertThat(stream.workloadType()).isEqualTo(WorkloadKind.SLEEP);
    assertThat(stream.numInstances()).isEqualTo(500);
    assertThat(stream.workDuration()).isEqualTo(0.05);
    assertThat(stream.maxConcurrentJobs()).isEqualTo(100);
    assertThat(stream.strategy()).isEqualTo(StrategyKind.THREAD);
    assertThat(extended.get("transport_rest_c10").transport()).isEqualTo(TransportKind.REST);
    assertThat(extended.get("transport_grpc-poll_c50").transport())
        .isEqualTo(TransportKind.GRPC_POLL);
    for (int factor : new int[] {1, 2, 4}) {
      Scenario worker = extended.get("acquisition_job-worker_x" + factor);
      assertThat(worker.acquisition()).isEqualTo(AcquisitionKind.JOB_WORKER);
      assertThat(worker.maxJobsActive()).isEqualTo(factor * 20);
      assertThat(worker.strategy()).isEqualTo(StrategyKind.THREAD);
    }
    for (StrategyKind strategy :
        List.of(StrategyKind.THREAD, StrategyKind.VIRTUAL, StrategyKind.ASYNC)) {
      Scenario direct = extended.get("acquisition_direct_" + strategy.id());
      assertThat(direct.acquisition()).isEqualTo(AcquisitionKind.DIRECT);
      assertThat(direct.strategy()).isEqualTo(strategy);
      assertThat(direct.maxJobsActive()).isNull();
    }
    assertThat(JavaPhases.acquisition())
        .allSatisfy(
            s -> {
              assertThat(s.workloadType()).isEqualTo(WorkloadKind.SLEEP);
              assertThat(s.numInstances()).isEqualTo(200);
              assertThat(s.maxConcurrentJobs()).isEqualTo(20);
              assertThat(s.workDuration()).isEqualTo(0.5);
              assertThat(s.jitterPct()).isEqualTo(0.25);
            });
    assertThat(extended.get("java_process_subprocess_threaded"))
        .extracting(
            s -> s.numInstances(),
            s -> s.workDuration(),
            s -> s.maxConcurrentJobs(),
            s -> s.strategy(),
            s -> s.workloadType())
        .containsExactly(40, 0.5, 10, StrategyKind.PROCESS, WorkloadKind.SUBPROCESS_THREADED);
  }

  @Test
  void shouldPairAsyncAndThreadWhenGeneratingFast() {
    // when
    List<Scenario> fast = SuiteGenerator.generate(Suite.FAST);

    // then
    assertThat(fast).hasSize(18);
    assertThat(fast).allSatisfy(s -> assertThat(s.repeats()).isEqualTo(1));
    for (int i = 0; i < fast.size(); i += 2) {
      Scenario async = fast.get(i);
      Scenario thread = fast.get(i + 1);
      assertThat(async.strategy()).isEqualTo(StrategyKind.ASYNC);
      assertThat(thread.strategy()).isEqualTo(StrategyKind.THREAD);
      assertThat(
              thread.toBuilder()
                  .strategy(StrategyKind.ASYNC)
                  .name(async.name())
                  .description(async.description())
                  .build())
          .as("the pair %s / %s differs only in strategy", async.name(), thread.name())
          .isEqualTo(async);
    }
    assertThat(fast)
        .extracting(Scenario::workloadType)
        .contains(
            WorkloadKind.CPU,
            WorkloadKind.IO,
            WorkloadKind.SUBPROCESS,
            WorkloadKind.SUBPROCESS_THREADED);
    assertThat(fast).extracting(Scenario::maxConcurrentJobs).contains(1, 20);
    assertThat(fast).extracting(Scenario::numInstances).contains(20, 50);
  }

  @ParameterizedTest
  @EnumSource(Suite.class)
  void shouldHaveUniqueNamesWhenGeneratingAnySuite(Suite suite) {
    // when
    List<Scenario> scenarios = SuiteGenerator.generate(suite);

    // then
    assertThat(scenarios).extracting(Scenario::name).doesNotHaveDuplicates();
  }

  @ParameterizedTest
  @EnumSource(Suite.class)
  void shouldReadBackEqualScenariosWhenWritingJson(Suite suite) {
    // given
    List<Scenario> scenarios = SuiteGenerator.generate(suite);

    // when
    List<Scenario> read = ScenarioReader.parse(ScenarioWriter.toJson(scenarios), "suite.json");

    // then
    assertThat(read).isEqualTo(scenarios);
  }

  @ParameterizedTest
  @EnumSource(Suite.class)
  void shouldMatchGoldenJsonWhenWritingSuite(Suite suite) throws IOException {
    // when
    String json = ScenarioWriter.toJson(SuiteGenerator.generate(suite));

    // then
    assertThat(json).isEqualTo(golden("suites/" + suite.id() + ".json", json));
  }

  @ParameterizedTest
  @EnumSource(Suite.class)
  void shouldMatchGoldenCsvWhenWritingSuite(Suite suite) throws IOException {
    // when
    String csv = ScenarioWriter.toCsv(SuiteGenerator.generate(suite));

    // then
    List<String> lines = csv.lines().toList();
    assertThat(lines.get(0))
        .isEqualTo(
            "name,num_instances,strategy,workload_type,work_duration,max_concurrent_jobs,"
                + "repeats,timeout,job_timeout_ms,description,phase,acquisition,"
                + "max_jobs_active,jitter_pct,transport,failure_rate,engine_latency_ms,"
                + "engine_latency_jitter_ms,engine_max_inflight,handler,handler_classpath,variables");
    assertThat(lines).hasSize(SuiteGenerator.generate(suite).size() + 1);
    assertThat(csv).isEqualTo(golden("suites/" + suite.id() + ".csv", csv));
  }

  @Test
  void shouldCountByPhaseAndStrategyWhenSummarizing() {
    // given
    List<Scenario> minimal = SuiteGenerator.generate(Suite.MINIMAL);

    // when
    String summary = GenerationSummary.render("suite minimal", minimal, 2);

    // then cpu: async 5 x 0.5 = 2.5 s; thread and auto ceil(5 / 2) x 0.5 = 1.5 s each
    assertThat(summary)
        .isEqualTo(
            """
            Generated 3 scenarios (suite minimal)
            By phase:
              smoke_test                     3
            By strategy:
              async                          1
              thread                         1
              auto                           1
            Estimated time: 0 h 00 min 06 s (6 s) (sum of ideal times, all repeats, 2 cores)
            """);
  }

  @Test
  void shouldNameTheChoicesWhenSuiteIsUnknown() {
    assertThatThrownBy(() -> Suite.fromId("huge"))
        .hasMessage("unknown suite 'huge', expected one of minimal, quick, fast, full, extended");
  }

  private static Map<String, Integer> countsByPhase(List<Scenario> scenarios) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    scenarios.forEach(s -> counts.merge(s.phase(), 1, Integer::sum));
    return counts;
  }

  private static Map<String, Scenario> byName(List<Scenario> scenarios) {
    return scenarios.stream()
        .collect(
            Collectors.toMap(Scenario::name, Function.identity(), (a, b) -> a, LinkedHashMap::new));
  }

  /**
   * The golden text; with {@code -Dgolden.update=true} the resource is (re)written from the actual
   * text first, for a human to review in the diff.
   */
  private static String golden(String resource, String actual) throws IOException {
    if (Boolean.getBoolean("golden.update")) {
      Path file = Path.of("src/test/resources", resource);
      Files.createDirectories(file.getParent());
      Files.writeString(file, actual, StandardCharsets.UTF_8);
      return actual;
    }
    try (InputStream in = SuiteGeneratorTest.class.getClassLoader().getResourceAsStream(resource)) {
      assertThat(in).as("golden file %s", resource).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
