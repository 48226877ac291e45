package dev.switchboard.benchmarks.ingest;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one wrk run measured, read from its output.
 *
 * @param requestsPerSecond the {@code Requests/sec} line
 * @param failed answers that were not 2xx or 3xx, plus socket errors
 */
record Wrk(double requestsPerSecond, long failed) {

  private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([\\d.]+)");
  private static final Pattern NON2XX = Pattern.compile("Non-2xx or 3xx responses:\\s+(\\d+)");
  private static final Pattern ERRORS =
      Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");

  static Wrk parse(String output) {
    Matcher rate = RATE.matcher(output);
    if (!rate.find()) {
      throw new IllegalStateException("unreadable wrk output:\n" + output);
    }
    long failed = 0;
    Matcher non2xx = NON2XX.matcher(output);
    if (non2xx.find()) {
      failed += Long.parseLong(non2xx.group(1));
    }
    Matcher errors = ERRORS.matcher(output);
    if (errors.find()) {
      for (int g = 1; g <= 4; g++) {
        failed += Long.parseLong(errors.group(g));
      }
    }
    return new Wrk(Double.parseDouble(rate.group(1)), failed);
  }
}
