package io.github.workerbench.core.workload;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The class path of a child JVM the harness starts: only the folders or jars that hold the given
 * classes (this module's, the model's), so the child loads nothing else and starts fast. In the
 * shaded {@code ./bench} jar they are one and the same. Stateless.
 */
public final class ChildClassPath {

  private ChildClassPath() {}

  /**
   * The distinct code sources of these classes, joined with the path separator; this JVM's own
   * class path when one cannot be told.
   */
  public static String of(Class<?>... classes) {
    try {
      return Arrays.stream(classes)
          .map(ChildClassPath::codeSource)
          .distinct()
          .collect(Collectors.joining(File.pathSeparator));
    } catch (RuntimeException e) {
      return System.getProperty("java.class.path");
    }
  }

  private static String codeSource(Class<?> type) {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
