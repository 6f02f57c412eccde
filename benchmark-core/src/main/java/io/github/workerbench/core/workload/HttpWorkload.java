package io.github.workerbench.core.workload;

import io.github.workerbench.model.scenario.WorkloadKind;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * A call to a downstream HTTP service ({@link DownstreamService}) that answers after the job's
 * work duration: blocking strategies call it with {@link HttpClient#send}, the event loop with
 * {@link HttpClient#sendAsync}, through one {@link HttpClient} (HTTP/1.1) shared by every job of
 * the worker, as a user's worker shares one. A status other than 200 fails the job's work.
 *
 * <p>Thread-safe. {@link #close()} closes the client (the worker does, after its last job).
 */
public final class HttpWorkload implements Workload, AutoCloseable {

  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

  private final URI service;
  private final HttpClient client;

  /** Calls the service at {@code service} (its {@link DownstreamService#uri()}). */
  public HttpWorkload(URI service) {
    this.service = Objects.requireNonNull(service, "service");
    this.client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(CONNECT_TIMEOUT)
            .build();
  }

  @Override
  public WorkloadKind kind() {
    return WorkloadKind.HTTP;
  }

  @Override
  public void run(Duration duration) throws IOException, InterruptedException {
    check(client.send(request(duration), HttpResponse.BodyHandlers.discarding()));
  }

  @Override
  public CompletableFuture<Void> runAsync(Duration duration, AsyncContext context) {
    try {
      return client
          .sendAsync(request(duration), HttpResponse.BodyHandlers.discarding())
          .thenAccept(HttpWorkload::check);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  private HttpRequest request(Duration duration) {
    // the call may take its duration plus a generous margin; beyond, the downstream is lost
    return HttpRequest.newBuilder(URI.create(service + "?" + query(duration)))
        .timeout(duration.plusSeconds(30))
        .GET()
        .build();
  }

  /**
   * The query asking the downstream service to answer after {@code duration}: {@code nanos=N}.
   * Here, not in the service, so a child JVM that calls the service loads none of its server.
   */
  public static String query(Duration duration) {
    return "nanos=" + Math.max(0, duration.toNanos());
  }

  private static void check(HttpResponse<Void> response) {
    if (response.statusCode() != 200) {
      throw new WorkFailedException(
          "Expected the downstream service to answer 200, but it answered " + response.statusCode());
    }
  }

  @Override
  public void close() {
    client.close();
  }
}
