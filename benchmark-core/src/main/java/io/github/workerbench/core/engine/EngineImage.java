package io.github.workerbench.core.engine;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.BuildImageResultCallback;
import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.BuildResponseItem;
import io.github.workerbench.engine.EngineServer;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Worker Bench's own engine image, {@code workerbench/engine:<version>} (also tagged {@value
 * #LATEST}), built from what this machine has: no base image, no registry, no Dockerfile to
 * download.
 *
 * <p>Algorithm ({@link #build()}), with the tools of the running JDK: {@code jdeps} lists the modules the runnable engine jar
 * ({@code embedded-engine/target/workerbench-engine.jar}) uses; {@code jlink} makes a runtime of
 * the running JDK with only those ({@code --strip-debug --no-man-pages --no-header-files
 * --compress=zip-6}, and {@code --generate-cds-archive}, so the JDK's classes load from a
 * class-data-sharing archive and the container is ready in about a second); {@code ldd} names
 * the shared libraries the runtime's binaries link to, the dynamic loader included. Those, the
 * jar, a {@code /tmp} and an {@code /etc/passwd} naming the unprivileged user it runs as go into
 * a build context assembled here, whose Dockerfile starts {@code FROM scratch}; Docker builds
 * it. The image carries the digest of the jar and of this recipe as the label {@value
 * #DIGEST_LABEL}, so {@link #ensureBuilt()} builds again only when the engine changed.
 *
 * <p>The container runs {@code EngineMain --all-interfaces} on Camunda's ports (gRPC 26500, REST
 * 8080, management 9600) and ignores Camunda's environment variables. Linux only (the image is
 * a Linux image of this machine's binaries). Not thread-safe.
 */
public final class EngineImage {

  /** The repository of the image. */
  public static final String REPOSITORY = "workerbench/engine";

  /** The moving tag of the last build. */
  public static final String LATEST = REPOSITORY + ":latest";

  /** The label holding the digest of the jar and the recipe the image was built from. */
  public static final String DIGEST_LABEL = "io.github.workerbench.engine.digest";

  /** The system property that names the runnable engine jar, when it is not found by itself. */
  public static final String JAR_PROPERTY = "benchmark.engine.jar";

  /** Where the runnable jar lies in the project, relative to its root. */
  static final String JAR_IN_PROJECT = "embedded-engine/target/workerbench-engine.jar";

  /** Changes whenever the image's recipe (runtime options, layout, entry point) changes. */
  static final String RECIPE = "1";

  private static final String JAVA_HOME_IN_IMAGE = "/opt/java";
  private static final String JAR_IN_IMAGE = "/opt/workerbench/engine.jar";
  private static final int NOBODY = 65534;
  private static final Duration BUILD_TIMEOUT = Duration.ofMinutes(10);

  private final DockerClient docker;
  private final Path engineJar;
  private final Consumer<String> progress;

  /**
   * A builder of the image.
   *
   * @param docker the daemon that builds and keeps it
   * @param engineJar the runnable engine jar ({@link #locateEngineJar()})
   * @param progress hears one line per step
   */
  public EngineImage(DockerClient docker, Path engineJar, Consumer<String> progress) {
    this.docker = docker;
    this.engineJar = engineJar;
    this.progress = progress;
  }

  /**
   * Why this machine cannot build the image, or empty when it can: the image is made of this
   * machine's own binaries, so it needs Linux and a JDK (jdeps, jlink); elsewhere (macOS,
   * Windows) use Camunda's image.
   */
  public static Optional<String> unsupportedReason() {
    String os = System.getProperty("os.name", "");
    if (!os.toLowerCase(Locale.ROOT).startsWith("linux")) {
      return Optional.of(
          "the engine image is built from this machine's own Linux binaries, and this is "
              + os
              + "; use --engine-image "
              + ContainerEngine.DEFAULT_IMAGE);
    }
    for (String tool : List.of("jdeps", "jlink")) {
      if (!Files.isExecutable(Path.of(System.getProperty("java.home"), "bin", tool))) {
        return Optional.of(
            "the engine image needs the JDK tool "
                + tool
                + ", which "
                + System.getProperty("java.home")
                + " lacks; run with a JDK (not a JRE) 21 or newer");
      }
    }
    return Optional.empty();
  }

  /** {@code workerbench/engine:<project version>}. */
  public static String versionTag() {
    return REPOSITORY + ":" + version();
  }

  /** The project version the image is tagged with, e.g. {@code 0.1.0-SNAPSHOT}. */
  static String version() {
    Properties properties = new Properties();
    try (InputStream in = EngineImage.class.getResourceAsStream("engine-image.properties")) {
      if (in == null) {
        throw new IllegalStateException("engine-image.properties is missing from the build");
      }
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return properties.getProperty("version");
  }

  /**
   * The runnable engine jar: {@value #JAR_PROPERTY} when set, else {@value #JAR_IN_PROJECT} in
   * the project this code was built in (found from where the engine's classes lie: the module's
   * classes, its jar or {@code bench.jar}).
   *
   * @throws EngineStartException naming the build command when there is none
   */
  public static Path locateEngineJar() {
    String configured = System.getProperty(JAR_PROPERTY);
    if (configured != null && !configured.isBlank()) {
      Path jar = Path.of(configured.strip());
      if (!Files.isRegularFile(jar)) {
        throw new EngineStartException(
            "Expected the runnable engine jar at "
                + jar
                + " (-D"
                + JAR_PROPERTY
                + "), but there is no such file; build it with ./mvnw -pl embedded-engine"
                + " package");
      }
      return jar;
    }
    Path classes;
    try {
      classes =
          Path.of(EngineServer.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException | RuntimeException e) {
      classes = Path.of("").toAbsolutePath();
    }
    for (Path dir = classes.toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve(JAR_IN_PROJECT);
      if (Files.isRegularFile(candidate)) {
        return candidate;
      }
    }
    throw new EngineStartException(
        "Expected the runnable engine jar "
            + JAR_IN_PROJECT
            + " in the project of "
            + classes
            + ", but found none; build it with ./mvnw -pl embedded-engine package (./bench"
            + " engine-image does) or name it with -D"
            + JAR_PROPERTY);
  }

  /**
   * The image's tag, built first when it is missing or was built from another jar or recipe.
   *
   * @throws EngineStartException when the build fails
   */
  public String ensureBuilt() {
    String tag = versionTag();
    String digest = digest();
    try {
      InspectImageResponse image = docker.inspectImageCmd(tag).exec();
      Map<String, String> labels =
          image.getConfig() == null ? null : image.getConfig().getLabels();
      if (labels != null && digest.equals(labels.get(DIGEST_LABEL))) {
        progress.accept(tag + " is up to date (" + DIGEST_LABEL + "=" + digest + ")");
        return tag;
      }
      progress.accept(tag + " was built from another engine; building it again");
    } catch (NotFoundException e) {
      progress.accept(tag + " is not present; building it");
    }
    return build();
  }

  /**
   * Builds the image and tags it {@link #versionTag()} and {@value #LATEST}.
   *
   * @return the version tag
   * @throws EngineStartException naming the step that failed
   */
  public String build() {
    String tag = versionTag();
    String digest = digest();
    Path work;
    try {
      work = Files.createTempDirectory("workerbench-engine-image");
    } catch (IOException e) {
      throw new EngineStartException("Expected to create a temporary folder, but " + e, e);
    }
    try {
      String modules = JlinkRuntime.modules(engineJar);
      progress.accept("jdeps: the engine uses " + modules);
      Path runtime = work.resolve("runtime");
      JlinkRuntime.link(modules, runtime);
      progress.accept("jlink: a runtime of " + megabytes(sizeOf(runtime)) + " MB");
      Set<Path> libraries = JlinkRuntime.sharedLibraries(runtime);
      progress.accept("ldd: " + libraries.size() + " shared libraries " + libraries);
      Path context = work.resolve("context.tar");
      writeContext(context, runtime, libraries);
      progress.accept("context: " + megabytes(Files.size(context)) + " MB; docker build");
      String id = dockerBuild(context, tag, digest);
      progress.accept("built " + id + " as " + tag + " and " + LATEST);
      return tag;
    } catch (IOException e) {
      throw new EngineStartException(
          "Expected to build the engine image " + tag + ", but " + e, e);
    } finally {
      deleteQuietly(work);
    }
  }

  /** The digest of the jar's bytes and the recipe: what {@value #DIGEST_LABEL} holds. */
  String digest() {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      try (InputStream in = Files.newInputStream(engineJar)) {
        byte[] buffer = new byte[1 << 16];
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
          sha.update(buffer, 0, n);
        }
      }
      sha.update(("recipe " + RECIPE).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(sha.digest());
    } catch (IOException e) {
      throw new EngineStartException(
          "Expected to read the runnable engine jar " + engineJar + ", but " + e, e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private void writeContext(Path context, Path runtime, Set<Path> libraries) throws IOException {
    long now = System.currentTimeMillis() / 1000;
    try (TarWriter tar =
        new TarWriter(new BufferedOutputStream(Files.newOutputStream(context), 1 << 16), now)) {
      tar.file("Dockerfile", 0644, dockerfile().getBytes(StandardCharsets.UTF_8));
      Set<String> directories = new TreeSet<>();
      directory(tar, directories, "rootfs");
      directory(tar, directories, "rootfs/tmp", 01777);
      directory(tar, directories, "rootfs/etc");
      tar.file(
          "rootfs/etc/passwd",
          0644,
          ("root:x:0:0:root:/root:/sbin/nologin\n"
                  + "nobody:x:" + NOBODY + ":" + NOBODY + ":nobody:/nonexistent:/sbin/nologin\n")
              .getBytes(StandardCharsets.UTF_8));
      tar.file(
          "rootfs/etc/group",
          0644,
          ("root:x:0:\nnogroup:x:" + NOBODY + ":\n").getBytes(StandardCharsets.UTF_8));
      List<Path> files;
      try (Stream<Path> walk = Files.walk(runtime)) {
        files = walk.sorted().toList();
      }
      parents(tar, directories, "rootfs" + JAVA_HOME_IN_IMAGE + "/");
      for (Path file : files) {
        if (file.equals(runtime)) {
          continue;
        }
        String name = "rootfs" + JAVA_HOME_IN_IMAGE + "/" + runtime.relativize(file);
        if (Files.isDirectory(file)) {
          directory(tar, directories, name);
        } else {
          tar.file(name, Files.isExecutable(file) ? 0755 : 0644, file);
        }
      }
      for (Path library : libraries) {
        String name = "rootfs" + library;
        parents(tar, directories, name);
        tar.file(name, 0755, library);
      }
      String jar = "rootfs" + JAR_IN_IMAGE;
      parents(tar, directories, jar);
      tar.file(jar, 0644, engineJar);
    }
  }

  private static void parents(TarWriter tar, Set<String> directories, String name)
      throws IOException {
    List<String> missing = new ArrayList<>();
    for (int slash = name.lastIndexOf('/'); slash > 0; slash = name.lastIndexOf('/', slash - 1)) {
      String parent = name.substring(0, slash);
      if (directories.contains(parent)) {
        break;
      }
      missing.add(0, parent);
    }
    for (String parent : missing) {
      directory(tar, directories, parent);
    }
  }

  private static void directory(TarWriter tar, Set<String> directories, String name)
      throws IOException {
    directory(tar, directories, name, 0755);
  }

  private static void directory(TarWriter tar, Set<String> directories, String name, int mode)
      throws IOException {
    if (directories.add(name)) {
      tar.directory(name, mode);
    }
  }

  /** The image's Dockerfile: the assembled files on nothing, run as nobody. */
  static String dockerfile() {
    return String.join(
        "\n",
        "FROM scratch",
        "COPY rootfs/ /",
        "USER " + NOBODY + ":" + NOBODY,
        "EXPOSE 26500 8080 9600",
        "ENTRYPOINT [\"" + JAVA_HOME_IN_IMAGE + "/bin/java\", \"-XX:-UsePerfData\","
            + " \"-XX:+ExitOnOutOfMemoryError\", \"-jar\", \"" + JAR_IN_IMAGE + "\","
            + " \"--all-interfaces\", \"--grpc-port\", \"26500\", \"--rest-port\", \"8080\","
            + " \"--management-port\", \"9600\"]",
        "");
  }

  private String dockerBuild(Path context, String tag, String digest) throws IOException {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("org.opencontainers.image.title", "Worker Bench engine");
    labels.put(
        "org.opencontainers.image.description",
        "Worker Bench's embedded Zeebe-compatible engine on Camunda's container contract");
    labels.put("org.opencontainers.image.version", version());
    labels.put(DIGEST_LABEL, digest);
    labels.put("io.github.workerbench.engine.jdk", Runtime.version().toString());
    StringBuilder log = new StringBuilder();
    try (InputStream in = Files.newInputStream(context)) {
      BuildImageResultCallback callback =
          docker
              .buildImageCmd(in)
              .withTags(Set.of(tag, LATEST))
              .withLabels(labels)
              .withPull(false)
              .withRemove(true)
              .exec(
                  new BuildImageResultCallback() {
                    @Override
                    public void onNext(BuildResponseItem item) {
                      if (item.getStream() != null) {
                        log.append(item.getStream());
                      }
                      super.onNext(item);
                    }
                  });
      return callback.awaitImageId(BUILD_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    } catch (RuntimeException e) {
      throw new EngineStartException(
          "Expected Docker to build "
              + tag
              + ", but "
              + DockerEnvironment.rootMessage(e)
              + (log.isEmpty() ? "" : "; the build said: " + log.toString().strip()),
          e);
    }
  }

  private static long sizeOf(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files
          .filter(Files::isRegularFile)
          .mapToLong(
              file -> {
                try {
                  return Files.size(file);
                } catch (IOException e) {
                  return 0;
                }
              })
          .sum();
    }
  }

  private static long megabytes(long bytes) {
    return Math.round(bytes / (1024.0 * 1024.0));
  }

  private static void deleteQuietly(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(EngineImage::delete);
    } catch (IOException e) {
      // a temporary folder left behind is the worst case
    }
  }

  private static void delete(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      // see deleteQuietly
    }
  }
}
