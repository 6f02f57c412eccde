package io.github.workerbench.core.worker;

import io.github.workerbench.core.metrics.JobObserver;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** A test observer counting completions and failures per job and the peak of jobs in work. */
final class RecordingObserver implements JobObserver {

  final Map<Long, AtomicInteger> completions = new ConcurrentHashMap<>();
  final Map<Long, AtomicInteger> failures = new ConcurrentHashMap<>();
  final Map<Long, Integer> retriesLeft = new ConcurrentHashMap<>();
  final AtomicInteger activations = new AtomicInteger();
  private final AtomicInteger inWork = new AtomicInteger();
  private final AtomicInteger peak = new AtomicInteger();

  @Override
  public void activated(long jobKey, long activatedNanos) {
    activations.incrementAndGet();
  }

  @Override
  public void started(long jobKey, long activatedNanos, long startedNanos) {
    peak.accumulateAndGet(inWork.incrementAndGet(), Math::max);
  }

  @Override
  public void finished(long jobKey, long finishedNanos) {
    inWork.decrementAndGet();
  }

  @Override
  public void completed(long jobKey, long processInstanceKey, long completedNanos) {
    completions.computeIfAbsent(jobKey, k -> new AtomicInteger()).incrementAndGet();
  }

  @Override
  public void failed(long jobKey, int retries, String reason, long failedNanos) {
    failures.computeIfAbsent(jobKey, k -> new AtomicInteger()).incrementAndGet();
    retriesLeft.put(jobKey, retries);
  }

  int peakInWork() {
    return peak.get();
  }

  int completedJobs() {
    return completions.size();
  }

  boolean everyJobCompletedOnce() {
    return completions.values().stream().allMatch(count -> count.get() == 1);
  }
}
