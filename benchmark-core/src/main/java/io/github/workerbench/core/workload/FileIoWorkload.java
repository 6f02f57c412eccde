package io.github.workerbench.core.workload;

import io.github.workerbench.model.scenario.WorkloadKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousFileChannel;
import java.nio.channels.CompletionHandler;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongSupplier;

/**
 * Writes 1 MiB, forces it to the device, reads it back, and repeats until the work duration has
 * passed (at least one round), in a temporary file that is removed afterwards, failed or not.
 * The non-blocking form uses {@link AsynchronousFileChannel}; fsync, which has no asynchronous
 * form, runs on the context's I/O pool, never on the event loop. Stateless, thread-safe.
 */
public final class FileIoWorkload implements Workload {

  /** The bytes written and read back per round. */
  public static final int BLOCK_BYTES = 1 << 20;

  private final Path directory;
  private final LongSupplier nanoClock;

  /** Works in the default temporary directory. */
  public FileIoWorkload() {
    this(Path.of(System.getProperty("java.io.tmpdir")), System::nanoTime);
  }

  /** Works in {@code directory}, timing rounds with {@code nanoClock}. */
  public FileIoWorkload(Path directory, LongSupplier nanoClock) {
    this.directory = Objects.requireNonNull(directory, "directory");
    this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
  }

  @Override
  public WorkloadKind kind() {
    return WorkloadKind.IO;
  }


  @Override
  public void run(Duration duration) throws IOException {
    long deadline = nanoClock.getAsLong() + duration.toNanos();
    Path file = Files.createTempFile(directory, "wb-io-", ".bin");
    try (FileChannel channel =
        FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      ByteBuffer block = ByteBuffer.allocate(BLOCK_BYTES);
      do {
        block.clear();
        while (block.hasRemaining()) {
          channel.write(block, block.position());
        }
        channel.force(false);
        block.clear();
        while (block.hasRemaining()) {
          if (channel.read(block, block.position()) < 0) {
            throw new IOException("Expected to read back " + BLOCK_BYTES + " bytes, but hit EOF");
          }
        }
      } while (nanoClock.getAsLong() < deadline);
    } finally {
      Files.deleteIfExists(file);
    }
  }

  @Override
  public CompletableFuture<Void> runAsync(Duration duration, AsyncContext context) {
    long deadline = nanoClock.getAsLong() + duration.toNanos();
    Path file;
    AsynchronousFileChannel channel;
    try {
      file = Files.createTempFile(directory, "wb-io-", ".bin");
      channel =
          AsynchronousFileChannel.open(
              file, Set.of(StandardOpenOption.READ, StandardOpenOption.WRITE), context.io());
    } catch (IOException | RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
    ByteBuffer block = ByteBuffer.allocate(BLOCK_BYTES);
    CompletableFuture<Void> rounds = round(channel, block, deadline, context);
    // close and delete on the I/O pool: both are system calls the loop must not wait for
    return rounds.handleAsync(
        (ignored, error) -> {
          try {
            channel.close();
            Files.deleteIfExists(file);
          } catch (IOException e) {
            if (error == null) {
              throw new UncheckedIOException(e);
            }
          }
          if (error != null) {
            throw error instanceof RuntimeException r ? r : new WorkFailedException("io", error);
          }
          return null;
        },
        context.io());
  }

  private CompletableFuture<Void> round(
      AsynchronousFileChannel channel, ByteBuffer block, long deadline, AsyncContext context) {
    block.clear();
    return transfer(channel, block, true)
        .thenRunAsync(() -> force(channel), context.io())
        .thenCompose(ignored -> transfer(channel, block.clear(), false))
        .thenCompose(
            ignored ->
                nanoClock.getAsLong() < deadline
                    ? round(channel, block, deadline, context)
                    : CompletableFuture.completedFuture(null));
  }

  private static void force(AsynchronousFileChannel channel) {
    try {
      channel.force(false);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes or reads the whole buffer from position 0, continuing after short transfers. */
  private static CompletableFuture<Void> transfer(
      AsynchronousFileChannel channel, ByteBuffer block, boolean write) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    CompletionHandler<Integer, Void> handler =
        new CompletionHandler<>() {
          @Override
          public void completed(Integer count, Void attachment) {
            if (count < 0) {
              done.completeExceptionally(
                  new IOException("Expected to read back " + BLOCK_BYTES + " bytes, but hit EOF"));
            } else if (block.hasRemaining()) {
              next(this);
            } else {
              done.complete(null);
            }
          }

          @Override
          public void failed(Throwable error, Void attachment) {
            done.completeExceptionally(error);
          }

          private void next(CompletionHandler<Integer, Void> self) {
            if (write) {
              channel.write(block, block.position(), null, self);
            } else {
              channel.read(block, block.position(), null, self);
            }
          }
        };
    if (write) {
      channel.write(block, 0, null, handler);
    } else {
      channel.read(block, 0, null, handler);
    }
    return done;
  }
}
