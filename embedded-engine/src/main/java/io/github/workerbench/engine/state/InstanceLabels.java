package io.github.workerbench.engine.state;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The tags and business id a creation attaches to its instance, checked as Camunda's engine
 * checks them for both protocols (ProcessInstanceCreationHelper, TagUtil): at most 10 tags, each a
 * letter then up to 99 of {@code [A-Za-z0-9_-:.]}, a business id of at most 256 characters.
 * Duplicate tags count once (a tag set). The engine keeps neither; creations echo them.
 *
 * @param tags the distinct tags in the order first given; empty for none
 * @param businessId the business id, or null for none
 */
public record InstanceLabels(List<String> tags, String businessId) {

  /** Camunda's TagUtil.MAX_NUMBER_OF_TAGS. */
  public static final int MAX_TAGS = 10;

  /** Camunda's business id limit (ProcessInstanceCreationHelper.MAX_BUSINESS_ID_LENGTH). */
  public static final int MAX_BUSINESS_ID_LENGTH = 256;

  private static final Pattern TAG = Pattern.compile("^[A-Za-z][A-Za-z0-9_\\-:.]{0,99}$");
  private static final InstanceLabels NONE = new InstanceLabels(List.of(), null);

  /**
   * @throws CommandRejectedException INVALID_ARGUMENT for too many or malformed tags or a business
   *     id that is too long
   */
  public InstanceLabels {
    List<String> distinct = new ArrayList<>();
    for (String tag : tags == null ? List.<String>of() : tags) {
      if (!distinct.contains(tag)) {
        distinct.add(tag);
      }
    }
    if (distinct.size() > MAX_TAGS) {
      throw new CommandRejectedException(
          RejectionType.INVALID_ARGUMENT,
          "Expected to create instance of process with tags, but the number of tags exceeds the limit of "
              + MAX_TAGS);
    }
    List<String> invalid = distinct.stream().filter(t -> t == null || !TAG.matcher(t).matches()).toList();
    if (!invalid.isEmpty()) {
      throw new CommandRejectedException(
          RejectionType.INVALID_ARGUMENT,
          "Expected to create instance of process with tags, but the tags "
              + invalid
              + " are invalid: a tag starts with a letter, followed by up to 99 letters, digits, '_', '-', ':' or '.'");
    }
    if (businessId != null && businessId.length() > MAX_BUSINESS_ID_LENGTH) {
      throw new CommandRejectedException(
          RejectionType.INVALID_ARGUMENT,
          "Expected to create instance of process with a valid business id, but the business id exceeds the max length of "
              + MAX_BUSINESS_ID_LENGTH);
    }
    tags = List.copyOf(distinct);
  }

  /** No tags, no business id. */
  public static InstanceLabels none() {
    return NONE;
  }
}
