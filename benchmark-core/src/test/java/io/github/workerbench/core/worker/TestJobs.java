package io.github.workerbench.core.worker;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

/** Test doubles: jobs without an engine and a reporter that records outcomes. */
final class TestJobs {

  private TestJobs() {}

  /** A job with this key, process instance key 1000 + key and 3 retries. */
  static Job job(long key) {
    return new Job(key, 1000 + key, 3, "test", "{}");
  }

  /** Records completed and failed job keys; every command is accepted at once. */
  static final class RecordingReporter implements JobReporter {
    final List<Long> completed = new CopyOnWriteArrayList<>();
    final List<Long> failed = new CopyOnWriteArrayList<>();

    @Override
    public CompletionStage<?> complete(Job job) {
      completed.add(job.key());
      return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletionStage<?> fail(Job job, int retries, Duration backoff, String message) {
      failed.add(job.key());
      return CompletableFuture.completedFuture(null);
    }
  }
}
