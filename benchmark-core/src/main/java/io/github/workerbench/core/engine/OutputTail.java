package io.github.workerbench.core.engine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The last lines of a process's output, as it arrives in chunks (Docker's log frames, which
 * need not end at a line end). Memory stays bounded by the line count.
 *
 * <p>Thread-safe: the log stream appends while others read.
 */
final class OutputTail {

  private final int maxLines;
  private final Deque<String> lines = new ArrayDeque<>();
  private final StringBuilder partial = new StringBuilder();

  OutputTail(int maxLines) {
    if (maxLines <= 0) {
      throw new IllegalArgumentException("maxLines must be greater than 0, but was " + maxLines);
    }
    this.maxLines = maxLines;
  }

  /** Adds a chunk of output; a line is complete at its {@code \n}. */
  synchronized void append(String chunk) {
    int start = 0;
    for (int end = chunk.indexOf('\n'); end >= 0; end = chunk.indexOf('\n', start)) {
      partial.append(chunk, start, end);
      add(partial.toString());
      partial.setLength(0);
      start = end + 1;
    }
    partial.append(chunk, start, chunk.length());
  }

  /** Replaces what was kept with this whole output (e.g. read back after the stream ended). */
  synchronized void replaceWith(String output) {
    lines.clear();
    partial.setLength(0);
    append(output);
  }

  /** The lines kept, oldest first; an unfinished last line included. */
  synchronized List<String> lines() {
    List<String> copy = new ArrayList<>(lines);
    if (!partial.isEmpty()) {
      copy.add(partial.toString());
      if (copy.size() > maxLines) {
        copy.remove(0);
      }
    }
    return copy;
  }

  private void add(String line) {
    lines.addLast(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
    while (lines.size() > maxLines) {
      lines.removeFirst();
    }
  }
}
