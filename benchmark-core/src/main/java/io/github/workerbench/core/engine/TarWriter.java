package io.github.workerbench.core.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a POSIX ustar archive, the format of a Docker build context: regular files and
 * directories, owned by root, with the modes given (so {@code /tmp} can be 1777 and a binary
 * 0755, whatever the build machine's umask). A copied file keeps its modification time (the
 * JVM's class-data-sharing archive checks the times of the files it was made from); the others
 * get the time given. Names up to 255 bytes (split into ustar's prefix and name at a slash).
 * Not thread-safe; closing it writes the end-of-archive blocks and closes the stream.
 */
final class TarWriter implements AutoCloseable {

  private static final int BLOCK = 512;

  private final OutputStream out;
  private final long mtimeSeconds;

  /** An archive on {@code out} whose generated entries carry {@code mtimeSeconds}. */
  TarWriter(OutputStream out, long mtimeSeconds) {
    this.out = out;
    this.mtimeSeconds = mtimeSeconds;
  }

  /** A directory entry ({@code name} without a trailing slash). */
  void directory(String name, int mode) throws IOException {
    header(name + "/", mode, 0, mtimeSeconds, '5');
  }

  /** A regular file with this content. */
  void file(String name, int mode, byte[] content) throws IOException {
    header(name, mode, content.length, mtimeSeconds, '0');
    out.write(content);
    pad(content.length);
  }

  /** A regular file with the content of {@code source} (links followed). */
  void file(String name, int mode, Path source) throws IOException {
    long size = Files.size(source);
    header(name, mode, size, Files.getLastModifiedTime(source).toInstant().getEpochSecond(), '0');
    try (InputStream in = Files.newInputStream(source)) {
      long copied = in.transferTo(out);
      if (copied != size) {
        throw new IOException(source + " changed while it was archived");
      }
    }
    pad(size);
  }

  @Override
  public void close() throws IOException {
    out.write(new byte[2 * BLOCK]);
    out.close();
  }

  private void header(String name, int mode, long size, long mtime, char type)
      throws IOException {
    byte[] header = new byte[BLOCK];
    byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
    String prefix = "";
    String base = name;
    if (bytes.length > 100) {
      int slash = name.lastIndexOf('/', name.endsWith("/") ? name.length() - 2 : name.length());
      while (slash > 0
          && (name.substring(0, slash).getBytes(StandardCharsets.UTF_8).length > 155
              || name.substring(slash + 1).getBytes(StandardCharsets.UTF_8).length > 100)) {
        slash = name.lastIndexOf('/', slash - 1);
      }
      if (slash <= 0) {
        throw new IllegalArgumentException("the path '" + name + "' is too long for a tar entry");
      }
      prefix = name.substring(0, slash);
      base = name.substring(slash + 1);
    }
    put(header, 0, 100, base);
    octal(header, 100, 8, mode);
    octal(header, 108, 8, 0); // uid
    octal(header, 116, 8, 0); // gid
    octal(header, 124, 12, size);
    octal(header, 136, 12, mtime);
    header[156] = (byte) type;
    put(header, 257, 6, "ustar");
    put(header, 263, 2, "00");
    put(header, 265, 32, "root");
    put(header, 297, 32, "root");
    put(header, 345, 155, prefix);
    // the checksum is computed with its own field as spaces
    for (int i = 148; i < 156; i++) {
      header[i] = ' ';
    }
    long sum = 0;
    for (byte b : header) {
      sum += b & 0xff;
    }
    String checksum = String.format("%06o", sum);
    put(header, 148, 6, checksum);
    header[154] = 0;
    header[155] = ' ';
    out.write(header);
  }

  private void pad(long size) throws IOException {
    int rest = (int) (size % BLOCK);
    if (rest != 0) {
      out.write(new byte[BLOCK - rest]);
    }
  }

  private static void put(byte[] header, int offset, int length, String value) {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    if (bytes.length > length) {
      throw new IllegalArgumentException("'" + value + "' does not fit a tar field of " + length);
    }
    System.arraycopy(bytes, 0, header, offset, bytes.length);
  }

  private static void octal(byte[] header, int offset, int length, long value) {
    String digits = Long.toOctalString(value);
    if (digits.length() > length - 1) {
      throw new IllegalArgumentException(value + " does not fit a tar field of " + length);
    }
    String padded = "0".repeat(length - 1 - digits.length()) + digits;
    put(header, offset, length - 1, padded);
  }
}
