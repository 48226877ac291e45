package dev.switchboard.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
    String table = table(Results.readAll());
    StringBuilder md = new StringBuilder("# Benchmark results\n\n");
    md.append(
            "Written by `benchmarks/run.sh`. Ratio = SDK / baseline (the hand-written alternative),")
        .append(" both measured in the same run.\n\n");
    Path machine = Results.rawDir().resolve("machine.txt");
    if (Files.exists(machine)) {
      md.append("```\n").append(Files.readString(machine).strip()).append("\n```\n\n");
    }
    md.append(table);
    Files.createDirectories(out.toAbsolutePath().getParent());
    Files.writeString(out, md.toString());
    System.out.println();
    System.out.println(table);
    System.out.println("written to " + out);
  }

  /**
   * The Markdown table of the figures.
   *
   * @param figures the figures
   * @return the table
   */
  public static String table(List<Figure> figures) {
    StringBuilder sb = new StringBuilder();
    sb.append("| area | figure | unit | SDK | baseline | ratio | goal | met |\n");
    sb.append("|---|---|---|---:|---:|---:|---|---|\n");
    for (Figure f : figures) {
      String goal =
          Double.isNaN(f.goal()) ? "reported" : String.format(Locale.ROOT, ">= %.2f", f.goal());
      sb.append("| ")
          .append(
              String.join(
                  " | ",
                  f.section(),
                  f.name(),
                  f.unit(),
                  Figure.format(f.sdk()),
                  Figure.format(f.baseline()),
                  String.format(Locale.ROOT, "%.3f", f.ratio()),
                  goal,
                  f.met()))
          .append(" |\n");
    }
    return sb.toString();
  }
}
