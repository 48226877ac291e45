package dev.switchboard.benchmarks.ingest;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one wrk run measured, read from its {@code --latency} output.
 *
 * @param requestsPerSecond the {@code Requests/sec} line
 * @param p50Millis the 50% latency
 * @param p99Millis the 99% latency
 * @param requests how many requests completed
 * @param non2xx answers that were not 2xx or 3xx, plus socket errors
 */
record Wrk(
    double requestsPerSecond, double p50Millis, double p99Millis, long requests, long non2xx) {

  private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([\\d.]+)");
  private static final Pattern TOTAL = Pattern.compile("(\\d+) requests in");
  private static final Pattern NON2XX = Pattern.compile("Non-2xx or 3xx responses:\\s+(\\d+)");
  private static final Pattern ERRORS =
      Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");

  static Wrk parse(String output) {
    Matcher rate = RATE.matcher(output);
    Matcher total = TOTAL.matcher(output);
    if (!rate.find() || !total.find()) {
      throw new IllegalStateException("unreadable wrk output:\n" + output);
    }
    long bad = 0;
    Matcher non2xx = NON2XX.matcher(output);
    if (non2xx.find()) {
      bad += Long.parseLong(non2xx.group(1));
    }
    Matcher errors = ERRORS.matcher(output);
    if (errors.find()) {
      for (int g = 1; g <= 4; g++) {
        bad += Long.parseLong(errors.group(g));
      }
    }
    return new Wrk(
        Double.parseDouble(rate.group(1)),
        percentile(output, "50%"),
        percentile(output, "99%"),
        Long.parseLong(total.group(1)),
        bad);
  }

  private static double percentile(String output, String label) {
    Matcher m =
        Pattern.compile(
                "^\\s+" + Pattern.quote(label) + "\\s+([\\d.]+)(us|ms|s)\\s*$", Pattern.MULTILINE)
            .matcher(output);
    if (!m.find()) {
      throw new IllegalStateException("no " + label + " latency in wrk output:\n" + output);
    }
    double v = Double.parseDouble(m.group(1));
    return switch (m.group(2).toLowerCase(Locale.ROOT)) {
      case "us" -> v / 1000;
      case "s" -> v * 1000;
      default -> v;
    };
  }
}
