package dev.switchboard.quickstart;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The quickstart's summary table and outcomes file. */
final class Report {

  private static final List<String> PLATFORMS = List.of(Lead.WORKFLOW, Lead.CAMPAIGN);

  private final List<Lead> leads;
  private final Map<String, Outcome> outcomes;

  Report(List<Lead> leads, Map<String, Outcome> outcomes) {
    this.leads = leads;
    this.outcomes = outcomes;
  }

  void printSummary(PrintStream out) {
    Map<String, Map<String, Integer>> table = new TreeMap<>();
    for (Outcome outcome : outcomes.values()) {
      table
          .computeIfAbsent(outcome.disposition(), d -> new TreeMap<>())
          .merge(outcome.platform(), 1, Integer::sum);
    }
    String format = "  %-30s %9s %9s %6s%n";
    out.printf(format, "disposition", "workflow", "campaign", "total");
    out.printf(format, "-".repeat(30), "-".repeat(9), "-".repeat(9), "-".repeat(6));
    table.forEach(
        (disposition, perPlatform) ->
            out.printf(
                format,
                disposition,
                perPlatform.getOrDefault(Lead.WORKFLOW, 0),
                perPlatform.getOrDefault(Lead.CAMPAIGN, 0),
                perPlatform.values().stream().mapToInt(Integer::intValue).sum()));
    int noOutcome = leads.size() - outcomes.size();
    if (noOutcome > 0) {
      out.printf(format, "(no outcome)", missing(Lead.WORKFLOW), missing(Lead.CAMPAIGN), noOutcome);
    }
    out.printf(format, "-".repeat(30), "-".repeat(9), "-".repeat(9), "-".repeat(6));
    out.printf(format, "leads", leads(Lead.WORKFLOW), leads(Lead.CAMPAIGN), leads.size());
    out.println();
    String platformFormat = "  %-10s %6s %9s %9s %10s%n";
    out.printf(platformFormat, "platform", "leads", "outcomes", "answered", "avg call");
    for (String platform : PLATFORMS) {
      List<Outcome> mine =
          outcomes.values().stream().filter(o -> o.platform().equals(platform)).toList();
      List<Duration> answered =
          mine.stream()
              .map(Outcome::duration)
              .filter(Objects::nonNull)
              .filter(d -> !d.isZero())
              .toList();
      Duration average =
          answered.isEmpty()
              ? Duration.ZERO
              : answered.stream().reduce(Duration.ZERO, Duration::plus).dividedBy(answered.size());
      out.printf(
          platformFormat,
          platform,
          leads(platform),
          mine.size(),
          answered.size(),
          answered.isEmpty() ? "-" : minutesSeconds(average));
    }
  }

  void writeCsv(Path file) throws IOException {
    if (file.toAbsolutePath().getParent() != null) {
      Files.createDirectories(file.toAbsolutePath().getParent());
    }
    try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      writer.write(
          "reference,platform,customer_name,disposition,state,duration_seconds,recording_url,data\n");
      for (Lead lead : leads) {
        Outcome outcome = outcomes.get(lead.reference());
        List<Object> cells =
            outcome == null
                ? List.of(
                    lead.reference(),
                    lead.platform(),
                    lead.customerName(),
                    "",
                    "no outcome",
                    "",
                    "",
                    "")
                : List.of(
                    lead.reference(),
                    lead.platform(),
                    lead.customerName(),
                    outcome.disposition(),
                    outcome.state() == null ? "" : outcome.state(),
                    outcome.duration() == null ? "" : outcome.duration().toSeconds(),
                    outcome.recordingUrl(),
                    outcome.data().entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining("; ")));
        writer.write(
            cells.stream().map(c -> csv(String.valueOf(c))).collect(Collectors.joining(",")));
        writer.write("\n");
      }
    }
  }

  private long leads(String platform) {
    return leads.stream().filter(l -> l.platform().equals(platform)).count();
  }

  private long missing(String platform) {
    return leads.stream()
        .filter(l -> l.platform().equals(platform))
        .filter(l -> !outcomes.containsKey(l.reference()))
        .count();
  }

  private static String minutesSeconds(Duration duration) {
    return duration.toMinutes() + "m " + String.format("%02ds", duration.toSecondsPart());
  }

  private static String csv(String value) {
    if (value.contains(",") || value.contains("\"") || value.contains("\n")) {
      return "\"" + value.replace("\"", "\"\"") + "\"";
    }
    return value;
  }
}
