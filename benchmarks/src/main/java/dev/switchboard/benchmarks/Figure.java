package dev.switchboard.benchmarks;

import java.util.Locale;

/**
 * One measured figure against its baseline: a row of the results table.
 *
 * @param section the area, such as {@code lead submission}
 * @param name what was measured, such as {@code one at a time}
 * @param unit the unit of both numbers, such as {@code req/s}
 * @param value the SDK's figure, or {@code NaN} when it could not be measured
 * @param baseline the baseline's figure, or {@code NaN} when there is none
 * @param goal the goal: {@code ratio>=0.95}, {@code ratio<=1.5}, {@code diff<=100}, or {@code -}
 * @param note a remark printed under the table, or empty
 * @param pairedDifference for runs of the two sides paired one to one (a startup with the SDK and
 *     one without, started one after the other), the median of the pairs' differences, which is
 *     then the figure's difference; {@code NaN} otherwise
 */
public record Figure(
    String section,
    String name,
    String unit,
    double value,
    double baseline,
    String goal,
    String note,
    double pairedDifference) {

  /**
   * A figure whose difference is the SDK's figure minus the baseline's.
   *
   * @param section the area
   * @param name what was measured
   * @param unit the unit of both numbers
   * @param value the SDK's figure, or {@code NaN}
   * @param baseline the baseline's figure, or {@code NaN}
   * @param goal the goal, or {@code -}
   * @param note a remark, or empty
   */
  public Figure(
      String section,
      String name,
      String unit,
      double value,
      double baseline,
      String goal,
      String note) {
    this(section, name, unit, value, baseline, goal, note, Double.NaN);
  }

  /**
   * The SDK's figure divided by the baseline's.
   *
   * @return the ratio, or {@code NaN} when either is missing
   */
  public double ratio() {
    return baseline == 0 ? Double.NaN : value / baseline;
  }

  /**
   * The SDK's figure minus the baseline's or, for paired runs, the median of the pairs'
   * differences.
   *
   * @return the difference, or {@code NaN} when either figure is missing
   */
  public double difference() {
    if (Double.isNaN(value) || Double.isNaN(baseline)) {
      return Double.NaN;
    }
    return Double.isNaN(pairedDifference) ? value - baseline : pairedDifference;
  }

  /**
   * Whether the goal is met.
   *
   * @return {@code yes}, {@code NO}, or {@code -} when there is no goal or no figure
   */
  public String met() {
    if (goal == null || goal.equals("-") || Double.isNaN(value) || Double.isNaN(baseline)) {
      return "-";
    }
    String kind = goal.startsWith("ratio") ? "ratio" : "diff";
    boolean atLeast = goal.contains(">=");
    double limit = Double.parseDouble(goal.substring(goal.indexOf('=') + 1));
    double actual = kind.equals("ratio") ? ratio() : difference();
    boolean ok = atLeast ? actual >= limit : actual <= limit;
    return ok ? "yes" : "NO";
  }

  /**
   * The goal in words for the table.
   *
   * @return such as {@code ratio >= 0.95} or {@code at most +100 ms}
   */
  public String goalText() {
    if (goal == null || goal.equals("-")) {
      return "none (reported)";
    }
    String limit = goal.substring(goal.indexOf('=') + 1);
    if (goal.startsWith("ratio")) {
      return (goal.contains(">=") ? "ratio >= " : "ratio <= ") + limit;
    }
    return (goal.contains("<=") ? "at most +" : "at least +") + limit + " " + unit;
  }

  /**
   * One tab-separated line, as the benchmark parts hand their figures to the report.
   *
   * @return the line
   */
  public String toTsv() {
    return String.join(
        "\t",
        section,
        name,
        unit,
        Double.toString(value),
        Double.toString(baseline),
        goal,
        note == null ? "" : note.replace('\t', ' ').replace('\n', ' '),
        Double.toString(pairedDifference));
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
        f[5],
        f[6],
        f.length > 7 ? Double.parseDouble(f[7]) : Double.NaN);
  }

  /**
   * Formats a number for the table: no decimals from 100 up, fewer digits below.
   *
   * @param v the number
   * @return the text, or an em dash for {@code NaN}
   */
  public static String format(double v) {
    if (Double.isNaN(v)) {
      return "—";
    }
    double a = Math.abs(v);
    if (a >= 100) {
      return String.format(Locale.ROOT, "%,.0f", v);
    }
    if (a >= 10) {
      return String.format(Locale.ROOT, "%.1f", v);
    }
    return String.format(Locale.ROOT, "%.2f", v);
  }
}
