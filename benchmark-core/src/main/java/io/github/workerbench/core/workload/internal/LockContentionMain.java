package io.github.workerbench.core.workload.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The child process of the {@code subprocess_threaded} workload: 5 threads each take one shared
 * lock 3 times, bump a counter, release it and sleep the given nanoseconds. Exits 0 when the
 * counter reached 15, 1 when it did not or a thread failed, 2 on malformed arguments. Internal:
 * not an API.
 */
public final class LockContentionMain {

  static final int THREADS = 5;
  static final int ROUNDS = 3;

  private LockContentionMain() {}

  /**
   * Runs the contention.
   *
   * @param args exactly one: the sleep per round in nanoseconds
   */
  public static void main(String[] args) throws InterruptedException {
    if (args.length != 1) {
      System.err.println("usage: LockContentionMain <sleep-nanos>");
      System.exit(2);
    }
    long sleepNanos;
    try {
      sleepNanos = Long.parseLong(args[0]);
    } catch (NumberFormatException e) {
      System.exit(2);
      return;
    }
    ReentrantLock lock = new ReentrantLock();
    int[] counter = {0};
    boolean[] failed = {false};
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      threads.add(
          Thread.ofPlatform()
              .start(
                  () -> {
                    try {
                      for (int round = 0; round < ROUNDS; round++) {
                        lock.lock();
                        try {
                          counter[0]++;
                        } finally {
                          lock.unlock();
                        }
                        Thread.sleep(sleepNanos / 1_000_000, (int) (sleepNanos % 1_000_000));
                      }
                    } catch (InterruptedException e) {
                      lock.lock();
                      try {
                        failed[0] = true;
                      } finally {
                        lock.unlock();
                      }
                    }
                  }));
    }
    for (Thread thread : threads) {
      thread.join();
    }
    lock.lock();
    try {
      System.exit(!failed[0] && counter[0] == THREADS * ROUNDS ? 0 : 1);
    } finally {
      lock.unlock();
    }
  }
}
