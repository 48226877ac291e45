package dev.switchboard.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.ToDoubleBiFunction;

/** Where each part writes its figures: one {@code <part>.tsv} per part in the raw directory. */
public final class Results {

  private Results() {}

  /**
   * The raw directory: the system property {@code bench.results}, else {@code
   * benchmarks/results/raw}.
   *
   * @return the directory
   */
  public static Path rawDir() {
    return Path.of(System.getProperty("bench.results", "benchmarks/results/raw"));
  }

  /**
   * Writes a part's figures, replacing what an earlier run wrote for it.
   *
   * @param part the part, such as {@code 1-lead}
   * @param figures its figures
   */
  public static void write(String part, List<Figure> figures) {
    try {
      Files.createDirectories(rawDir());
      List<String> lines = new ArrayList<>();
      for (Figure f : figures) {
        lines.add(f.toTsv());
      }
      Files.write(rawDir().resolve(part + ".tsv"), lines);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads every part's figures, in the parts' name order.
   *
   * @return the figures
   */
  public static List<Figure> readAll() {
    try {
      List<Figure> all = new ArrayList<>();
      if (!Files.isDirectory(rawDir())) {
        return all;
      }
      Path[] files;
      try (var list = Files.list(rawDir())) {
        files = list.filter(p -> p.toString().endsWith(".tsv")).sorted().toArray(Path[]::new);
      }
      for (Path file : Arrays.asList(files)) {
        for (String line : Files.readAllLines(file)) {
          if (!line.isBlank()) {
            all.add(Figure.parse(line));
          }
        }
      }
      return all;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Paired samples for a figure's notes, such as {@code 4705/5010, 4611/4980}: the SDK's value and
   * the baseline's of each round, in order.
   *
   * @param sdk the SDK's values
   * @param baseline the baseline's values, as many
   * @param decimals the decimals shown
   * @return the list
   */
  public static String pairs(List<Double> sdk, List<Double> baseline, int decimals) {
    String pair = "%." + decimals + "f/%." + decimals + "f";
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < sdk.size(); i++) {
      sb.append(i > 0 ? ", " : "")
          .append(String.format(Locale.ROOT, pair, sdk.get(i), baseline.get(i)));
    }
    return sb.toString();
  }

  /**
   * Reads back the pairs a figure's notes end with, as {@link #pairs} wrote them after {@code runs
   * <first>/<second>: }.
   *
   * @param note a figure's notes
   * @return each pair's two values, in order; empty when the notes list no pairs
   * @throws IllegalArgumentException when a listed pair is not two numbers
   */
  public static List<double[]> parsePairs(String note) {
    List<double[]> out = new ArrayList<>();
    int runs = note == null ? -1 : note.lastIndexOf("; runs ");
    int start = runs < 0 ? -1 : note.indexOf(": ", runs);
    if (start < 0) {
      return out;
    }
    for (String pair : note.substring(start + 2).split(", ")) {
      int slash = pair.indexOf('/');
      try {
        out.add(
            new double[] {
              Double.parseDouble(pair.substring(0, slash)),
              Double.parseDouble(pair.substring(slash + 1))
            });
      } catch (RuntimeException e) {
        throw new IllegalArgumentException(
            "the notes' pairs should read a/b, c/d; '" + pair + "' does not", e);
      }
    }
    return out;
  }

  /**
   * The median of some samples.
   *
   * @param samples the samples, not empty
   * @return the median
   */
  public static double median(List<Double> samples) {
    double[] s = samples.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    int n = s.length;
    return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
  }

  /**
   * How far the difference of two medians moves from sample to sample: the standard deviation of
   * {@code median(sdk) - median(baseline)} over 2,000 resamplings of the pairs (a bootstrap, with a
   * fixed seed so that the same samples always give the same answer). Pairs are resampled whole, so
   * a cost that moves both sides of a pair alike (the host slowing down) does not count.
   *
   * @param sdk the SDK's samples
   * @param baseline the baseline's samples, paired with the SDK's by index
   * @return the standard deviation, in the samples' unit
   */
  public static double medianDifferenceSpread(List<Double> sdk, List<Double> baseline) {
    return pairedBootstrapSpread(sdk, baseline, (a, b) -> median(a) - median(b));
  }

  /**
   * The median of the pairs' differences: for samples taken in pairs close in time (one startup
   * with the SDK, one without, one after the other), what the SDK adds at the same moment. When a
   * run mixes quiet stretches of the host with slow ones, each side's median falls between the two
   * and jumps with the mix; the pairs' differences keep to what the SDK adds.
   *
   * @param sdk the SDK's samples
   * @param baseline the baseline's samples, paired with the SDK's by index
   * @return the median of {@code sdk[i] - baseline[i]}
   */
  public static double medianOfDifferences(List<Double> sdk, List<Double> baseline) {
    int n = Math.min(sdk.size(), baseline.size());
    List<Double> differences = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      differences.add(sdk.get(i) - baseline.get(i));
    }
    return median(differences);
  }

  /**
   * How far the median of the pairs' differences moves from sample to sample (the same bootstrap as
   * {@link #medianDifferenceSpread}).
   *
   * @param sdk the SDK's samples
   * @param baseline the baseline's samples, paired with the SDK's by index
   * @return the standard deviation, in the samples' unit
   */
  public static double medianOfDifferencesSpread(List<Double> sdk, List<Double> baseline) {
    return pairedBootstrapSpread(sdk, baseline, Results::medianOfDifferences);
  }

  /**
   * How far the ratio of two means moves from sample to sample: the standard deviation of {@code
   * mean(sdk) / mean(baseline)} over 2,000 resamplings of the pairs (a bootstrap with a fixed seed,
   * as {@link #medianDifferenceSpread}), such as one pair per JVM that measured both sides.
   *
   * @param sdk the SDK's samples
   * @param baseline the baseline's samples, paired with the SDK's by index
   * @return the standard deviation of the ratio
   */
  public static double ratioOfMeansSpread(List<Double> sdk, List<Double> baseline) {
    return pairedBootstrapSpread(sdk, baseline, (a, b) -> mean(a) / mean(b));
  }

  /**
   * The standard deviation of a statistic of paired samples over 2,000 resamplings of the pairs,
   * with a fixed seed.
   */
  private static double pairedBootstrapSpread(
      List<Double> sdk,
      List<Double> baseline,
      ToDoubleBiFunction<List<Double>, List<Double>> statistic) {
    int n = Math.min(sdk.size(), baseline.size());
    Random random = new Random(42);
    double[] values = new double[2000];
    List<Double> a = new ArrayList<>(n);
    List<Double> b = new ArrayList<>(n);
    for (int r = 0; r < values.length; r++) {
      a.clear();
      b.clear();
      for (int i = 0; i < n; i++) {
        int pick = random.nextInt(n);
        a.add(sdk.get(pick));
        b.add(baseline.get(pick));
      }
      values[r] = statistic.applyAsDouble(a, b);
    }
    return standardDeviation(values);
  }

  private static double mean(List<Double> samples) {
    return samples.stream().mapToDouble(Double::doubleValue).average().orElse(0);
  }

  private static double standardDeviation(double[] values) {
    double mean = Arrays.stream(values).average().orElse(0);
    double squares = Arrays.stream(values).map(d -> (d - mean) * (d - mean)).sum();
    return Math.sqrt(squares / values.length);
  }
}
