package dev.switchboard.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Where each part leaves its figures: one {@code <part>.tsv} in the raw directory. */
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
      Files.write(rawDir().resolve(part + ".tsv"), figures.stream().map(Figure::toTsv).toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads every part's figures, in the parts' name order.
   *
   * @return the figures
   * @throws IOException when a file cannot be read
   */
  public static List<Figure> readAll() throws IOException {
    List<Figure> all = new ArrayList<>();
    if (!Files.isDirectory(rawDir())) {
      return all;
    }
    List<Path> files;
    try (var list = Files.list(rawDir())) {
      files = list.filter(p -> p.toString().endsWith(".tsv")).sorted().toList();
    }
    for (Path file : files) {
      for (String line : Files.readAllLines(file)) {
        if (!line.isBlank()) {
          all.add(Figure.parse(line));
        }
      }
    }
    return all;
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
}
