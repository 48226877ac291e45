package dev.switchboard.core.mapping.internal;

import java.util.List;

/** The text of a mapping exception: a head naming how many problems, then one line each. */
public final class ProblemList {

  private ProblemList() {}

  /**
   * Writes the message.
   *
   * @param before the text before the count, such as {@code Invalid field mapping 'x' (}
   * @param after the text after the count, ending with a colon
   * @param lines the problems, one line each
   * @return the message
   */
  public static String message(String before, String after, List<String> lines) {
    StringBuilder text =
        new StringBuilder(before)
            .append(lines.size())
            .append(lines.size() == 1 ? " problem" : " problems")
            .append(after);
    lines.forEach(line -> text.append("\n - ").append(line));
    return text.toString();
  }
}
