package io.github.workerbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bench test --handler … --handler-jar … --variables …} with a jar built from source. */
class HandlerCommandIT {

  private static final String HANDLER =
      """
      package acme;
      import io.camunda.client.api.response.ActivatedJob;
      import io.camunda.client.api.worker.JobClient;
      import io.camunda.client.api.worker.JobHandler;
      public class OrderHandler implements JobHandler {
        @Override
        public void handle(JobClient client, ActivatedJob job) {
          if (!"7".equals(String.valueOf(job.getVariablesAsMap().get("order")))) {
            throw new IllegalStateException("order 7 expected, got " + job.getVariables());
          }
          client.newCompleteCommand(job).send().join();
        }
      }
      """;

  private static Path jar(Path folder) throws IOException {
    Path source = Files.createDirectories(folder.resolve("src/acme")).resolve("OrderHandler.java");
    Files.writeString(source, HANDLER);
    Path classes = Files.createDirectories(folder.resolve("classes"));
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    int status =
        ToolProvider.getSystemJavaCompiler()
            .run(null, output, output, "-classpath", System.getProperty("java.class.path"), "-d",
                classes.toString(), source.toString());
    assertThat(status).as(output.toString()).isZero();
    Path jar = folder.resolve("my-worker.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      out.putNextEntry(new JarEntry("acme/OrderHandler.class"));
      Files.copy(classes.resolve("acme/OrderHandler.class"), out);
      out.closeEntry();
    }
    return jar;
  }

  @Test
  void shouldRunTheUsersHandlerWhenGivenItsClassJarAndVariables(@TempDir Path dir) throws Exception {
    // given
    Path jar = jar(dir);
    Path variables = Files.writeString(dir.resolve("vars.json"), "{\"order\": 7}");
    Path output = dir.resolve("results.json");

    // when
    BenchRun run =
        BenchRun.of(
            "test",
            "--handler", "acme.OrderHandler",
            "--handler-jar", jar.toString(),
            "--variables", variables.toString(),
            "--worker-strategy", "virtual",
            "--workload-type", "sleep",
            "--work-duration-seconds", "0.01",
            "--process-instances", "8",
            "--max-concurrent-jobs", "4",
            "--no-warmup",
            "--output", output.toString());

    // then the handler completed every job; the results name it
    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    JsonNode result = new ObjectMapper().readTree(output.toFile()).get("results").get(0);
    assertThat(result.get("jobs_completed").asDouble()).isEqualTo(8);
    assertThat(result.get("handler").asText()).isEqualTo("acme.OrderHandler");
    assertThat(result.get("variables").get("order").asInt()).isEqualTo(7);
  }

  @Test
  void shouldRefuseABlockingHandlerInOneLineWhenTheStrategyIsAsync(@TempDir Path dir) throws Exception {
    // given
    Path jar = jar(dir);

    // when
    BenchRun run =
        BenchRun.of(
            "test", "--handler", "acme.OrderHandler", "--handler-jar", jar.toString(),
            "--worker-strategy", "async");

    // then nothing ran
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().strip())
        .doesNotContain("\n")
        .startsWith("bench test: handler acme.OrderHandler (" + jar + ") implements the blocking");
  }
}
