package dev.switchboard.futwork.webhook.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** Typed readings of the raw values Futwork sends as strings. */
public final class FutworkValues {

  private static final BigDecimal NANOS_PER_SECOND = BigDecimal.valueOf(1_000_000_000L);
  private static final BigDecimal SECONDS_PER_MINUTE = BigDecimal.valueOf(60);

  private FutworkValues() {}

  /**
   * Reads a number of seconds such as {@code "0.0"} or {@code "12.5"}.
   *
   * @param raw the raw value
   * @return the duration, or empty when blank, not a number or negative
   */
  public static Optional<Duration> seconds(String raw) {
    return number(raw).flatMap(n -> nanos(n.multiply(NANOS_PER_SECOND)));
  }

  /**
   * Reads a number of minutes such as {@code "2.5"}.
   *
   * @param raw the raw value
   * @return the duration, or empty when blank, not a number or negative
   */
  public static Optional<Duration> minutes(String raw) {
    return number(raw)
        .flatMap(n -> nanos(n.multiply(SECONDS_PER_MINUTE).multiply(NANOS_PER_SECOND)));
  }

  private static Optional<BigDecimal> number(String raw) {
    if (raw == null || raw.isBlank()) {
      return Optional.empty();
    }
    try {
      BigDecimal n = new BigDecimal(raw.trim());
      return n.signum() < 0 ? Optional.empty() : Optional.of(n);
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static Optional<Duration> nanos(BigDecimal nanos) {
    try {
      return Optional.of(
          Duration.ofNanos(nanos.setScale(0, RoundingMode.HALF_UP).longValueExact()));
    } catch (ArithmeticException e) {
      return Optional.empty();
    }
  }

  /**
   * Gives an empty map for a missing one.
   *
   * @param map the map, may be null
   * @return the map, never null
   */
  public static Map<String, Object> orEmpty(Map<String, Object> map) {
    return map == null ? Map.of() : map;
  }
}
