package dev.switchboard.core.mapping.internal;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.Date;
import java.util.Locale;

/**
 * {@code format_date}: reads a date or date-time (a {@code java.time} value, a {@link Date} or text
 * in the input pattern, ISO by default) and writes it in the output pattern (ISO by default).
 * Parsing is strict: the 31st of February is an error, not the 28th.
 */
final class FormatDateStep extends Step {

  private final String inputPattern;
  private final DateTimeFormatter input;
  private final String outputPattern;
  private final DateTimeFormatter output;
  private final ZoneId zone;

  /**
   * Compiles the step.
   *
   * @throws IllegalArgumentException when a pattern or the zone is malformed
   */
  FormatDateStep(String inputPattern, String outputPattern, String zone) {
    super("format_date");
    this.inputPattern = inputPattern;
    this.input = inputPattern == null ? null : parser(inputPattern);
    this.outputPattern = outputPattern;
    this.output =
        outputPattern == null ? null : DateTimeFormatter.ofPattern(outputPattern, Locale.ROOT);
    try {
      this.zone = zone == null ? ZoneOffset.UTC : ZoneId.of(zone);
    } catch (DateTimeException e) {
      throw new IllegalArgumentException("zone '" + zone + "' is not a time zone id");
    }
  }

  private static DateTimeFormatter parser(String pattern) {
    // yyyy is year-of-era: STRICT resolution needs an era, so default it to the current one.
    return new DateTimeFormatterBuilder()
        .appendPattern(pattern)
        .parseDefaulting(ChronoField.ERA, 1)
        .toFormatter(Locale.ROOT)
        .withResolverStyle(ResolverStyle.STRICT);
  }

  @Override
  Object applyOne(Object value) {
    TemporalAccessor temporal;
    if (value instanceof CharSequence text) {
      String stripped = Text.strip(text.toString());
      if (stripped.isEmpty()) {
        return null;
      }
      temporal = input == null ? parseIso(stripped) : parse(stripped);
    } else if (value instanceof Date date) {
      temporal = date.toInstant();
    } else if (value instanceof LocalDate
        || value instanceof LocalDateTime
        || value instanceof OffsetDateTime
        || value instanceof Instant) {
      temporal = (TemporalAccessor) value;
    } else if (value instanceof ZonedDateTime zoned) {
      temporal = zoned.toOffsetDateTime();
    } else {
      throw StepFailure.failed("format_date needs a date, got " + Text.kind(value));
    }
    return format(temporal);
  }

  private TemporalAccessor parse(String text) {
    try {
      TemporalAccessor parsed =
          input.parseBest(text, OffsetDateTime::from, LocalDateTime::from, LocalDate::from);
      return parsed;
    } catch (DateTimeException e) {
      throw StepFailure.failed("format_date could not read a date in the pattern " + inputPattern);
    }
  }

  private static TemporalAccessor parseIso(String text) {
    String iso = text.length() > 10 && text.charAt(10) == ' ' ? text.replaceFirst(" ", "T") : text;
    try {
      return DateTimeFormatter.ISO_DATE_TIME.parseBest(
          iso, OffsetDateTime::from, LocalDateTime::from);
    } catch (DateTimeException notDateTime) {
      try {
        return LocalDate.parse(iso, DateTimeFormatter.ISO_LOCAL_DATE);
      } catch (DateTimeException notDate) {
        throw StepFailure.failed("format_date could not read an ISO-8601 date or date-time");
      }
    }
  }

  private String format(TemporalAccessor temporal) {
    if (output == null) {
      if (temporal instanceof LocalDate date) {
        return DateTimeFormatter.ISO_LOCAL_DATE.format(date);
      }
      if (temporal instanceof LocalDateTime dateTime) {
        return DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(dateTime);
      }
      if (temporal instanceof OffsetDateTime dateTime) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(dateTime);
      }
      return DateTimeFormatter.ISO_INSTANT.format(temporal);
    }
    TemporalAccessor printable =
        temporal instanceof Instant instant ? instant.atZone(zone) : temporal;
    try {
      return output.format(printable);
    } catch (DateTimeException e) {
      throw StepFailure.failed(
          "format_date output pattern " + outputPattern + " needs fields the value lacks");
    }
  }
}
