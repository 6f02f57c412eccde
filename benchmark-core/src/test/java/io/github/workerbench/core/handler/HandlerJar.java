package io.github.workerbench.core.handler;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * A user's handler jar, built by a test from source as a user builds theirs: the classes compiled
 * against this JVM's class path (the Camunda client, the handler API), packed into a jar outside
 * it, so only a class loader over the jar finds them.
 */
public final class HandlerJar {

  /** Handlers of the package {@code acme}, by simple name. */
  public static final Map<String, String> SOURCES =
      Map.of(
          "CompletingHandler",
          """
          package acme;
          import io.camunda.client.api.response.ActivatedJob;
          import io.camunda.client.api.worker.JobClient;
          import io.camunda.client.api.worker.JobHandler;
          import java.util.Map;
          /** Completes its job once it has read the instance's variables, as users' handlers do. */
          public class CompletingHandler implements JobHandler {
            @Override
            public void handle(JobClient client, ActivatedJob job) throws Exception {
              Object order = job.getVariablesAsMap().get("order");
              if (order == null) {
                throw new IllegalStateException("no order variable in " + job.getVariables());
              }
              System.out.println("handling order " + order);
              Thread.sleep(10);
              client.newCompleteCommand(job).variables(Map.of("handled", order)).send().join();
            }
          }
          """,
          "FailingHandler",
          """
          package acme;
          import io.camunda.client.api.response.ActivatedJob;
          import io.camunda.client.api.worker.JobClient;
          import io.camunda.client.api.worker.JobHandler;
          public class FailingHandler implements JobHandler {
            @Override
            public void handle(JobClient client, ActivatedJob job) {
              throw new IllegalStateException("the downstream said no");
            }
          }
          """,
          "AsyncCompletingHandler",
          """
          package acme;
          import io.camunda.client.api.response.ActivatedJob;
          import io.camunda.client.api.worker.JobClient;
          import io.github.workerbench.api.AsyncJobHandler;
          import java.util.concurrent.CompletionStage;
          public class AsyncCompletingHandler implements AsyncJobHandler {
            @Override
            public CompletionStage<?> handle(JobClient client, ActivatedJob job) {
              return client.newCompleteCommand(job).send();
            }
          }
          """,
          "NoDefaultConstructor",
          """
          package acme;
          import io.camunda.client.api.response.ActivatedJob;
          import io.camunda.client.api.worker.JobClient;
          import io.camunda.client.api.worker.JobHandler;
          public class NoDefaultConstructor implements JobHandler {
            public NoDefaultConstructor(String url) {}
            @Override
            public void handle(JobClient client, ActivatedJob job) {}
          }
          """,
          "ThrowingConstructor",
          """
          package acme;
          import io.camunda.client.api.response.ActivatedJob;
          import io.camunda.client.api.worker.JobClient;
          import io.camunda.client.api.worker.JobHandler;
          public class ThrowingConstructor implements JobHandler {
            public ThrowingConstructor() {
              throw new IllegalStateException("no database configured");
            }
            @Override
            public void handle(JobClient client, ActivatedJob job) {}
          }
          """,
          "NotAHandler",
          """
          package acme;
          public class NotAHandler {
            public void handle() {}
          }
          """);

  private HandlerJar() {}

  /**
   * Compiles {@link #SOURCES} and packs them into {@code folder/my-worker.jar}.
   *
   * @throws IllegalStateException when the sources do not compile (naming the compiler's output)
   */
  public static Path build(Path folder) throws IOException {
    Path sources = Files.createDirectories(folder.resolve("src/acme"));
    Path classes = Files.createDirectories(folder.resolve("classes"));
    List<String> arguments =
        new ArrayList<>(
            List.of("-classpath", System.getProperty("java.class.path"), "-d", classes.toString()));
    for (Map.Entry<String, String> source : SOURCES.entrySet()) {
      Path file = sources.resolve(source.getKey() + ".java");
      Files.writeString(file, source.getValue());
      arguments.add(file.toString());
    }
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    StringWriter output = new StringWriter();
    int status =
        compiler.run(null, new WriterStream(output), new WriterStream(output), arguments.toArray(String[]::new));
    if (status != 0) {
      throw new IllegalStateException("the handler sources do not compile: " + output);
    }
    Path jar = folder.resolve("my-worker.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
        Stream<Path> files = Files.walk(classes)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        out.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
        Files.copy(file, out);
        out.closeEntry();
      }
    }
    return jar;
  }

  /** The compiler's output into a writer. */
  private static final class WriterStream extends OutputStream {
    private final StringWriter writer;

    WriterStream(StringWriter writer) {
      this.writer = writer;
    }

    @Override
    public void write(int b) {
      writer.write(b);
    }
  }
}
