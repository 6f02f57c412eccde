package io.github.workerbench.tests;

import io.github.workerbench.core.engine.EngineKind;
import io.github.workerbench.core.engine.EngineSettings;
import io.github.workerbench.generator.Suite;
import io.github.workerbench.model.Identified;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;

/**
 * What the benchmark tests run, from the system properties (or JUnit configuration parameters)
 * {@value #SUITE}, {@value #SCENARIOS}, {@value #ENGINE} (with {@code benchmark.engine.image},
 * {@code .scope}, {@code .cpus} and {@code .apiVersion}, see {@link EngineSettings}), {@value #DURATION_SCALE}, {@value
 * #RESULTS_FILE} and {@value #BASE_DIR}. A property that is absent or blank takes its default.
 *
 * @param suite the generated suite the phase factories draw from (default {@code extended})
 * @param scenariosFile a scenario file that replaces the suites, when given
 * @param engine the engine the scenarios run on (default embedded, one per phase factory)
 * @param durationScale the factor on work duration and timeout, when given; otherwise the
 *     factory's default applies (1 for phases, {@value #SMOKE_DEFAULT_SCALE} for smoke)
 * @param resultsFile where the results file is written (default {@code
 *     target/benchmark-results.json})
 */
public record BenchmarkProperties(
    Suite suite,
    Optional<Path> scenariosFile,
    EngineSettings engine,
    OptionalDouble durationScale,
    Path resultsFile) {

  public static final String SUITE = "benchmark.suite";
  public static final String SCENARIOS = "benchmark.scenarios";
  public static final String ENGINE = "benchmark.engine";
  public static final String DURATION_SCALE = "benchmark.durationScale";
  public static final String RESULTS_FILE = "benchmark.resultsFile";

  /** The folder a relative {@value #SCENARIOS} path is resolved against (the build's root). */
  public static final String BASE_DIR = "benchmark.baseDir";

  /** The duration scale of the smoke scenarios when none is given: keeps the build short. */
  public static final double SMOKE_DEFAULT_SCALE = 0.2;

  public BenchmarkProperties {
    Objects.requireNonNull(suite, "suite");
    Objects.requireNonNull(scenariosFile, "scenariosFile");
    Objects.requireNonNull(engine, "engine");
    Objects.requireNonNull(durationScale, "durationScale");
    Objects.requireNonNull(resultsFile, "resultsFile");
  }

  /** The properties of this JVM. */
  public static BenchmarkProperties fromSystem() {
    return from(System::getProperty);
  }

  /**
   * The properties as {@code lookup} gives them ({@code null} or blank when absent).
   *
   * @throws IllegalArgumentException naming the property, its value and what is allowed
   */
  public static BenchmarkProperties from(Function<String, String> lookup) {
    Suite suite = kind(lookup, SUITE, Suite.EXTENDED, Suite::fromId);
    EngineKind kind = kind(lookup, ENGINE, EngineKind.EMBEDDED, EngineKind::fromId);
    // the image, scope and CPUs: their messages name their -D property
    EngineSettings engine =
        EngineSettings.resolve(lookup, System.getenv(), kind.id(), null, null, null);
    OptionalDouble scale = OptionalDouble.empty();
    String scaleText = value(lookup, DURATION_SCALE);
    if (scaleText != null) {
      double parsed;
      try {
        parsed = Double.parseDouble(scaleText);
      } catch (NumberFormatException e) {
        throw bad(DURATION_SCALE, scaleText, "expected a number greater than 0, e.g. 0.1");
      }
      if (!(parsed > 0) || Double.isInfinite(parsed)) {
        throw bad(DURATION_SCALE, scaleText, "expected a number greater than 0, e.g. 0.1");
      }
      scale = OptionalDouble.of(parsed);
    }
    Optional<Path> scenarios = Optional.empty();
    String file = value(lookup, SCENARIOS);
    if (file != null) {
      Path path = Path.of(file);
      String base = value(lookup, BASE_DIR);
      if (!path.isAbsolute() && base != null) {
        // Maven runs the tests in the module folder; users name files from the build's root.
        path = Path.of(base).resolve(path);
      }
      scenarios = Optional.of(path.normalize());
    }
    String results = value(lookup, RESULTS_FILE);
    Path resultsFile = Path.of(results != null ? results : "target/benchmark-results.json");
    return new BenchmarkProperties(suite, scenarios, engine, scale, resultsFile);
  }

  /** The duration scale to use when the factory's own default is {@code factoryDefault}. */
  public double durationScaleOr(double factoryDefault) {
    return durationScale.orElse(factoryDefault);
  }

  /** The kind {@code property} names (any case), or {@code absent} when it is not given. */
  private static <E extends Enum<E> & Identified> E kind(
      Function<String, String> lookup, String property, E absent, Function<String, E> fromId) {
    String id = value(lookup, property);
    if (id == null) {
      return absent;
    }
    try {
      return fromId.apply(id.toLowerCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw bad(property, id, "expected one of " + Identified.ids(absent.getDeclaringClass()));
    }
  }

  private static String value(Function<String, String> lookup, String name) {
    String value = lookup.apply(name);
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static IllegalArgumentException bad(String property, String value, String expected) {
    return new IllegalArgumentException(
        "-D" + property + "=" + value + " is not valid: " + expected);
  }
}
