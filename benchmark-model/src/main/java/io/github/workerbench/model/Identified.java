package io.github.workerbench.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A kind with an id, as scenario files, results files and the command line spell it: the
 * constant's name in lower case with {@code -} for {@code _} ({@code GRPC_POLL} is {@code
 * grpc-poll}), unless the kind overrides {@link #id()}. Implemented by enums, whose {@code name()}
 * satisfies {@link #name()}; the lookup by id and its error message live here once for all of
 * them.
 */
public interface Identified {

  /** The constant's name, e.g. {@code GRPC_POLL}; every enum has it. */
  String name();

  /** The id in files and on the command line, e.g. {@code grpc-poll}. */
  default String id() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /**
   * The constant of {@code kind} with this id.
   *
   * @param noun what the kind is called in the message, e.g. {@code strategy}
   * @throws IllegalArgumentException naming the allowed ids when there is none, e.g. {@code
   *     unknown strategy 'fork', expected one of async, thread, virtual, process, auto}
   */
  static <E extends Enum<E> & Identified> E fromId(Class<E> kind, String id, String noun) {
    for (E constant : kind.getEnumConstants()) {
      if (constant.id().equals(id)) {
        return constant;
      }
    }
    throw new IllegalArgumentException(
        "unknown " + noun + " '" + id + "', expected one of " + ids(kind));
  }

  /** The ids of {@code kind}, in declaration order and comma-separated, for messages. */
  static <E extends Enum<E> & Identified> String ids(Class<E> kind) {
    return Arrays.stream(kind.getEnumConstants())
        .map(Identified::id)
        .collect(Collectors.joining(", "));
  }
}
