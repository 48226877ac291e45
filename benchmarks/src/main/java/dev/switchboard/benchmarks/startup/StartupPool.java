package dev.switchboard.benchmarks.startup;

import dev.switchboard.benchmarks.Figure;
import dev.switchboard.benchmarks.Report;
import dev.switchboard.benchmarks.Results;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Pools the startup part's pairs over several runs: one run's figure moves by ±30 to ±45 ms (fresh
 * JVMs on a shared host), as wide as a good part of its goal, so whether the goal holds is read
 * from many runs of the same code together. Each run's {@code 4-startup.tsv}, which {@code
 * benchmarks/run.sh} keeps in {@code benchmarks/results/startup-runs/}, lists every pair of
 * startups in its notes; this reads them back and gives, per figure, each run's median of the
 * pairs' differences, the median over all the pairs, its spread (the same bootstrap as one run's)
 * and its one-sided 95 % upper bound (median + 1.645 spreads), judged against the goal.
 */
public final class StartupPool {

  private StartupPool() {}

  /**
   * Prints the pooled table.
   *
   * @param args the runs' {@code .tsv} files, or directories of them (default {@code
   *     benchmarks/results/startup-runs})
   * @throws IOException when a file cannot be read
   */
  public static void main(String[] args) throws IOException {
    String[] where = args.length > 0 ? args : new String[] {"benchmarks/results/startup-runs"};
    List<Path> files = new ArrayList<>();
    for (String arg : where) {
      Path path = Path.of(arg);
      if (Files.isDirectory(path)) {
        try (Stream<Path> list = Files.list(path)) {
          list.filter(p -> p.toString().endsWith(".tsv")).sorted().forEach(files::add);
        }
      } else {
        files.add(path);
      }
    }
    if (files.isEmpty()) {
      throw new IllegalArgumentException(
          "no runs to pool: no .tsv file in " + String.join(", ", where));
    }
    List<List<Figure>> runs = new ArrayList<>();
    for (Path file : files) {
      List<Figure> figures = new ArrayList<>();
      for (String line : Files.readAllLines(file)) {
        if (!line.isBlank()) {
          figures.add(Figure.parse(line));
        }
      }
      runs.add(figures);
    }
    System.out.println(
        "Startup pooled over "
            + files.size()
            + (files.size() == 1 ? " run: " : " runs: ")
            + names(files)
            + "\n");
    System.out.print(table(pool(runs)));
  }

  private static String names(List<Path> files) {
    List<String> names = new ArrayList<>();
    for (Path file : files) {
      names.add(file.getFileName().toString());
    }
    return String.join(", ", names);
  }

  /**
   * One figure pooled over runs.
   *
   * @param name the figure, as each run names it
   * @param unit its unit
   * @param goal its goal, or {@code -}
   * @param perRun each run's median of its pairs' differences, in the runs' order
   * @param pairs how many pairs in all
   * @param sdkMedian the median of the SDK's side over all the pairs
   * @param baselineMedian the median of the baseline's side over all the pairs
   * @param difference the median of all the pairs' differences
   * @param spread the bootstrap standard deviation of that median
   */
  public record Pooled(
      String name,
      String unit,
      String goal,
      List<Double> perRun,
      int pairs,
      double sdkMedian,
      double baselineMedian,
      double difference,
      double spread) {

    /**
     * The one-sided 95 % upper bound of the pooled difference.
     *
     * @return the median of the differences plus 1.645 spreads
     */
    public double upperBound() {
      return difference + 1.645 * spread;
    }

    /**
     * Whether the pooled difference meets the goal.
     *
     * @return {@code yes}, {@code NO}, or {@code -} without a goal
     */
    public String met() {
      return judged(difference);
    }

    /**
     * Whether the upper bound meets the goal: the goal holds with 95 % confidence.
     *
     * @return {@code yes}, {@code NO}, or {@code -} without a goal
     */
    public String metAtBound() {
      return judged(upperBound());
    }

    private String judged(double value) {
      return new Figure("", name, unit, sdkMedian, baselineMedian, goal, "", value).met();
    }
  }

  /**
   * Pools the paired figures of several runs: a figure's pairs are taken from every run that has
   * it, in the runs' order.
   *
   * @param runs each run's figures
   * @return one pooled figure per paired figure, in the order of first appearance
   */
  public static List<Pooled> pool(List<List<Figure>> runs) {
    // Each figure's notes are read once: the first run's figure names it, every run gives its
    // pairs.
    Map<String, Figure> firsts = new LinkedHashMap<>();
    Map<String, List<List<double[]>>> pairsByName = new LinkedHashMap<>();
    for (List<Figure> run : runs) {
      for (Figure f : run) {
        List<double[]> pairs = Results.parsePairs(f.note());
        if (!pairs.isEmpty()) {
          firsts.putIfAbsent(f.name(), f);
          pairsByName.computeIfAbsent(f.name(), k -> new ArrayList<>()).add(pairs);
        }
      }
    }
    List<Pooled> out = new ArrayList<>();
    for (Figure first : firsts.values()) {
      List<Double> sdk = new ArrayList<>();
      List<Double> baseline = new ArrayList<>();
      List<Double> perRun = new ArrayList<>();
      for (List<double[]> pairs : pairsByName.get(first.name())) {
        List<Double> runSdk = new ArrayList<>();
        List<Double> runBaseline = new ArrayList<>();
        for (double[] pair : pairs) {
          runSdk.add(pair[0]);
          runBaseline.add(pair[1]);
        }
        perRun.add(Results.medianOfDifferences(runSdk, runBaseline));
        sdk.addAll(runSdk);
        baseline.addAll(runBaseline);
      }
      out.add(
          new Pooled(
              first.name(),
              first.unit(),
              first.goal(),
              perRun,
              sdk.size(),
              Results.median(sdk),
              Results.median(baseline),
              Results.medianOfDifferences(sdk, baseline),
              Results.medianOfDifferencesSpread(sdk, baseline)));
    }
    return out;
  }

  /**
   * The pooled figures as a Markdown table.
   *
   * @param pooled the pooled figures
   * @return the table, one row per figure
   */
  public static String table(List<Pooled> pooled) {
    StringBuilder sb = new StringBuilder();
    sb.append("| figure | unit | runs | pairs | each run | pooled | spread | 95 % bound | goal")
        .append(" | met | met at 95 % |\n");
    sb.append("|---|---|---:|---:|---|---:|---:|---:|---|---|---|\n");
    for (Pooled p : pooled) {
      List<String> each = new ArrayList<>();
      for (double d : p.perRun()) {
        each.add(Figure.format(d));
      }
      sb.append(
          Report.row(
              p.name(),
              p.unit(),
              Integer.toString(p.perRun().size()),
              Integer.toString(p.pairs()),
              String.join(", ", each),
              Figure.format(p.difference()),
              "± " + Figure.format(p.spread()),
              Figure.format(p.upperBound()),
              new Figure("", p.name(), p.unit(), 0, 0, p.goal(), "").goalText(),
              p.met(),
              p.metAtBound()));
    }
    return sb.toString();
  }
}
