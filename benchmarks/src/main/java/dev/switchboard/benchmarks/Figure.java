package dev.switchboard.benchmarks;

import java.util.Locale;

/**
 * One row of the results table: the SDK's figure beside what a user would write instead.
 *
 * @param section the area, such as {@code Lead submission}
 * @param name what was measured, such as {@code one at a time}
 * @param unit the unit of both numbers, such as {@code req/s}
 * @param sdk the SDK's figure
 * @param baseline the hand-written alternative's figure
 * @param goal the least acceptable ratio {@code sdk / baseline}, or {@code NaN} when reported only
 */
public record Figure(
    String section, String name, String unit, double sdk, double baseline, double goal) {

  /**
   * The SDK's figure over the baseline's.
   *
   * @return the ratio
   */
  public double ratio() {
    return sdk / baseline;
  }

  /**
   * Whether the ratio reaches the goal.
   *
   * @return {@code yes}, {@code NO}, or {@code -} when there is no goal
   */
  public String met() {
    if (Double.isNaN(goal)) {
      return "-";
    }
    return ratio() >= goal ? "yes" : "NO";
  }

  /**
   * One tab-separated line, as the parts hand their figures to the report.
   *
   * @return the line
   */
  public String toTsv() {
    return String.join(
        "\t",
        section,
        name,
        unit,
        Double.toString(sdk),
        Double.toString(baseline),
        Double.toString(goal));
  }

  /**
   * Reads a line written by {@link #toTsv()}.
   *
   * @param line the line
   * @return the figure
   */
  public static Figure parse(String line) {
    String[] f = line.split("\t", -1);
    return new Figure(
        f[0],
        f[1],
        f[2],
        Double.parseDouble(f[3]),
        Double.parseDouble(f[4]),
        Double.parseDouble(f[5]));
  }

  /**
   * A number for the table: no decimals from 100 up, one or two below.
   *
   * @param v the number
   * @return the text
   */
  public static String format(double v) {
    double a = Math.abs(v);
    String pattern = a >= 100 ? "%,.0f" : a >= 10 ? "%.1f" : "%.2f";
    return String.format(Locale.ROOT, pattern, v);
  }
}
