package io.github.workerbench.core.worker;

import io.camunda.client.api.response.ActivatedJob;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

/** Test doubles: activated jobs without an engine and a reporter that records outcomes. */
final class TestJobs {

  private TestJobs() {}

  /** A job with this key, process instance key 1000 + key and 3 retries. */
  static ActivatedJob job(long key) {
    return (ActivatedJob)
        Proxy.newProxyInstance(
            ActivatedJob.class.getClassLoader(),
            new Class<?>[] {ActivatedJob.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "getKey" -> key;
                  case "getProcessInstanceKey" -> 1000 + key;
                  case "getRetries" -> 3;
                  case "getType" -> "test";
                  case "hashCode" -> Long.hashCode(key);
                  case "equals" -> proxy == args[0];
                  case "toString" -> "job " + key;
                  default -> null;
                });
  }

  /** Records completed and failed job keys; every command is accepted at once. */
  static final class RecordingReporter implements JobReporter {
    final List<Long> completed = new CopyOnWriteArrayList<>();
    final List<Long> failed = new CopyOnWriteArrayList<>();

    @Override
    public CompletionStage<?> complete(ActivatedJob job) {
      completed.add(job.getKey());
      return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletionStage<?> fail(ActivatedJob job, int retries, Duration backoff, String message) {
      failed.add(job.getKey());
      return CompletableFuture.completedFuture(null);
    }
  }
}
