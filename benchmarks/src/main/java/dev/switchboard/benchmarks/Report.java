package dev.switchboard.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/**
 * Prints the results table from every part's figures and writes it, with the machine's description,
 * to {@code benchmarks/results/latest.md}.
 */
public final class Report {

  private Report() {}

  /**
   * Builds the report.
   *
   * @param args optional: the output file (default {@code benchmarks/results/latest.md})
   * @throws IOException when it cannot be written
   */
  public static void main(String[] args) throws IOException {
    Path out = Path.of(args.length > 0 ? args[0] : "benchmarks/results/latest.md");
    List<Figure> figures = Results.readAll();
    String table = table(figures);
    StringBuilder md = new StringBuilder();
    md.append("# Benchmark results\n\n");
    md.append("Produced by `benchmarks/run.sh` on ")
        .append(Instant.now().truncatedTo(ChronoUnit.SECONDS))
        .append(". SDK figure vs baseline measured side by side in the same run;")
        .append(" ratio = SDK / baseline, difference = SDK - baseline, or for the startup rows")
        .append(" (runs in pairs, one after the other) the median of the pairs' differences.\n\n");
    Path machine = Results.rawDir().resolve("machine.txt");
    if (Files.exists(machine)) {
      md.append("## Machine\n\n```\n")
          .append(Files.readString(machine).strip())
          .append("\n```\n\n");
    }
    md.append("## Figures\n\n").append(table).append('\n');
    StringBuilder notes = new StringBuilder();
    for (Figure f : figures) {
      if (f.note() != null && !f.note().isBlank()) {
        notes
            .append("- ")
            .append(f.section())
            .append(", ")
            .append(f.name())
            .append(": ")
            .append(f.note())
            .append('\n');
      }
    }
    if (notes.length() > 0) {
      md.append("## Notes\n\n").append(notes);
    }
    Files.createDirectories(out.toAbsolutePath().getParent());
    Files.writeString(out, md.toString());
    System.out.println();
    System.out.println(table);
    System.out.println("written to " + out);
  }

  /**
   * The markdown table of the figures.
   *
   * @param figures the figures
   * @return the table
   */
  public static String table(List<Figure> figures) {
    StringBuilder sb = new StringBuilder();
    sb.append("| area | figure | unit | SDK | baseline | ratio | difference | goal | met |\n");
    sb.append("|---|---|---|---:|---:|---:|---:|---|---|\n");
    for (Figure f : figures) {
      sb.append(
          row(
              f.section(),
              f.name(),
              f.unit(),
              Figure.format(f.value()),
              Figure.format(f.baseline()),
              Double.isNaN(f.ratio()) ? "—" : String.format(Locale.ROOT, "%.3f", f.ratio()),
              Figure.format(f.difference()),
              f.goalText(),
              f.met()));
    }
    return sb.toString();
  }

  /**
   * One row of a Markdown table.
   *
   * @param cells the cells, in order
   * @return {@code | a | b |} and a line break
   */
  public static String row(String... cells) {
    return "| " + String.join(" | ", cells) + " |\n";
  }
}
