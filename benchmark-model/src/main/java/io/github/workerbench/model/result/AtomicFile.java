package io.github.workerbench.model.result;

import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * Replaces a file so that at every instant its path holds either the previous complete file or
 * the new one: the bytes go to a new temporary file in the same folder, are forced to disk, and
 * the temporary file is renamed over the target with {@code ATOMIC_MOVE}; then the folder is
 * forced. The temporary file is created with the default permissions, so the result gets the
 * user's umask (never the owner-only permissions of {@link Files#createTempFile}).
 *
 * <p>Stateless; concurrent writers of one path each leave a complete file, the last rename wins.
 */
public final class AtomicFile {

  private AtomicFile() {}

  /**
   * Replaces {@code path} with {@code bytes}, creating missing folders; on failure the temporary
   * file is removed and the path is left as it was.
   *
   * @throws IOException when the folder cannot be written
   */
  public static void replace(Path path, byte[] bytes) throws IOException {
    Path target = path.toAbsolutePath();
    Path folder = target.getParent();
    Path temporary = folder.resolve("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
    try {
      Files.createDirectories(folder);
      // A FileOutputStream, not a FileChannel: an interrupt (Ctrl-C stopping a run) must not
      // close the file mid-write and lose what is being saved.
      try (FileOutputStream stream = new FileOutputStream(temporary.toFile())) {
        stream.write(bytes);
        stream.getFD().sync();
      }
      try {
        Files.move(
            temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
      }
      forceFolder(folder);
    } catch (IOException e) {
      try {
        Files.deleteIfExists(temporary);
      } catch (IOException ignored) {
        // The write already failed; that is the error worth reporting.
      }
      throw e;
    }
  }

  private static void forceFolder(Path folder) {
    // Makes the rename durable. Not every platform can open a folder; the rename itself is
    // already atomic, so a failure here only weakens durability, never validity.
    try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // best effort, see above
    }
  }
}
