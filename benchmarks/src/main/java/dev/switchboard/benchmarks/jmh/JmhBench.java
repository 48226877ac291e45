package dev.switchboard.benchmarks.jmh;

import dev.switchboard.benchmarks.Figure;
import dev.switchboard.benchmarks.Results;
import dev.switchboard.benchmarks.StarterProperties;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the JMH benchmarks of this package (short iterations to keep the whole run within minutes;
 * one fork each; for the parsing figures, whose goal sits close to the host's noise, many forks of
 * {@link ParsingFork}, the SDK's beside the baseline's at the same time) and writes their scores as
 * part {@code 3-jmh}: each SDK method beside its baseline method.
 */
public final class JmhBench {

  private JmhBench() {}

  /**
   * Runs them.
   *
   * @param args optional: a regular expression of benchmarks to run
   * @throws Exception when JMH fails
   */
  public static void main(String[] args) throws Exception {
    int warmups = Integer.getInteger("bench.jmh.warmups", 3);
    int iterations = Integer.getInteger("bench.jmh.iterations", 4);
    // Parsing: the typed parse and the tree at the same time, each in a JVM of its own pinned to
    // one core, in many rounds: a score swings with the host by up to half within a second, and
    // one JVM's compiled code runs a few per cent faster or slower than the next one's, so that
    // forks run one after the other let either land on one side of a ratio (an unchanged parser
    // measured 0.904 and 1.08 of the tree an hour apart).
    int rounds = Integer.getInteger("bench.jmh.parsing.rounds", 12);
    int receiverRounds = Integer.getInteger("bench.jmh.parsing.receiver-rounds", 2);
    int parsingIterations = Integer.getInteger("bench.jmh.parsing.iterations", 2);
    Jmh jmh = new Jmh(warmups, iterations);
    if (args.length > 0) {
      jmh.run(args[0], null);
    } else {
      jmh.run("MappingBenchmark|SignatureBenchmark|TranscriptBenchmark", null);
      for (String family : FAMILIES) {
        jmh.parsingRounds(family, rounds, receiverRounds, parsingIterations);
      }
    }
    Map<String, double[]> scores = jmh.scores();
    scores.forEach((k, v) -> System.out.printf("  %s: %.0f ± %.0f ops/s%n", k, v[0], v[1]));
    List<Figure> figures = new ArrayList<>();
    String how = "JMH 1.37, " + warmups + "x1 s warm-up, " + iterations + "x1 s measured, one fork";
    String parsingHow =
        "JMH 1.37, one JVM per fork ("
            + warmups
            + "x1 s warm-up, "
            + parsingIterations
            + "x1 s measured); "
            + rounds
            + " rounds in which the typed parse and the tree run at the same time, "
            + (Jmh.PINNED
                ? "each JVM pinned to a core of its own (taskset), the cores swapped every round"
                : "one after the other (no taskset here)")
            + ", then "
            + receiverRounds
            + " of the receiver's step beside the tree; each figure is the mean of its forks";
    for (Pair p : PAIRS) {
      double[] sdk = scores.get(p.sdk());
      double[] base = scores.get(p.baseline());
      if (sdk == null && base == null) {
        continue;
      }
      boolean rounded = p.sdk().startsWith("ParsingBenchmark.");
      String note =
          (rounded ? parsingHow + jmh.roundNotes(p.sdk(), p.baseline()) : how)
              + (sdk == null
                  ? "; " + p.missing()
                  : "; SDK" + error(rounded, sdk) + jmh.forkScores(p.sdk()))
              + (base == null
                  ? ""
                  : ", baseline" + error(rounded, base) + jmh.forkScores(p.baseline()));
      figures.add(
          new Figure(
              p.section(),
              p.name(),
              p.unit(),
              sdk == null ? Double.NaN : sdk[0],
              base == null ? Double.NaN : base[0],
              p.goal(),
              note));
    }
    Results.write("3-jmh", figures);
  }

  /** JMH's error of a score measured in one fork, for the notes; parsing forks report none. */
  private static String error(boolean rounded, double[] score) {
    return rounded ? "" : " ± " + Math.round(score[1]);
  }

  /** The payload families of {@link ParsingBenchmark}. */
  private static final List<String> FAMILIES =
      List.of(
          "futwork-campaign-post-call",
          "futwork-workflow-post-call",
          "flowforge-captured-form-created",
          "flowforge-captured-intent-created",
          "flowforge-conversation-closed",
          "workflux-conversation-completed");

  /** Runs benchmarks one fork at a time and keeps every fork's score under its key. */
  private static final class Jmh {
    private final int warmups;
    private final int iterations;
    private final Map<String, List<double[]>> forks = new LinkedHashMap<>();

    Jmh(int warmups, int iterations) {
      this.warmups = warmups;
      this.iterations = iterations;
    }

    void run(String include, String family) throws Exception {
      OptionsBuilder options = new OptionsBuilder();
      options
          .include(JmhBench.class.getPackageName() + ".(" + include + ")")
          .forks(1)
          .warmupIterations(warmups)
          .warmupTime(TimeValue.seconds(1))
          .measurementIterations(iterations)
          .measurementTime(TimeValue.seconds(1))
          .timeUnit(TimeUnit.SECONDS)
          .jvmArgs("-Xmx512m")
          .shouldFailOnError(true);
      if (family != null) {
        options.param("family", family);
      }
      Collection<RunResult> results = new Runner(options.build()).run();
      for (RunResult r : results) {
        var params = r.getParams();
        StringBuilder key =
            new StringBuilder(params.getBenchmark().replaceAll(".*\\.(\\w+\\.\\w+)$", "$1"));
        for (String p : params.getParamsKeys()) {
          key.append('[').append(params.getParam(p)).append(']');
        }
        forks
            .computeIfAbsent(key.toString(), k -> new ArrayList<>())
            .add(
                new double[] {
                  r.getPrimaryResult().getScore(), r.getPrimaryResult().getScoreError()
                });
      }
    }

    /** Whether parsing forks run two at a time, each pinned to a core of its own. */
    static final boolean PINNED =
        Files.isExecutable(Path.of("/usr/bin/taskset"))
            && Runtime.getRuntime().availableProcessors() >= 2;

    /**
     * Runs a family's parsing forks: in each round the typed parse (in the last {@code
     * receiverRounds}, the receiver's step) and the tree, each in a JVM of its own running {@link
     * ParsingFork}, at the same time on two cores when {@link #PINNED}. Keeps every fork's score
     * under its key, in round order.
     */
    void parsingRounds(String family, int rounds, int receiverRounds, int measured)
        throws Exception {
      for (int round = 0; round < rounds + receiverRounds; round++) {
        String sdk = round < rounds ? "typed" : "receiver";
        int sdkCore = round % 2;
        Fork sdkFork = parsingFork(sdk, family, sdkCore, measured);
        if (!PINNED) {
          sdkFork.process().waitFor();
        }
        Fork treeFork = parsingFork("tree", family, 1 - sdkCore, measured);
        double sdkScore;
        double treeScore;
        try {
          sdkScore = sdkFork.score();
          treeScore = treeFork.score();
        } finally {
          // when the SDK's fork failed, its rival must not outlive the part
          treeFork.process().destroy();
        }
        add("ParsingBenchmark." + sdk + "[" + family + "]", sdkScore);
        add("ParsingBenchmark.tree[" + family + "]", treeScore);
        System.out.printf(
            Locale.ROOT,
            "  %s round %d: %s %.0f, tree %.0f parses/s (%.3f)%n",
            family,
            round + 1,
            sdk,
            sdkScore,
            treeScore,
            sdkScore / treeScore);
      }
    }

    /** A started {@link ParsingFork}, writing to its own file. */
    private record Fork(String method, String family, Process process, File output) {

      /** Waits for the fork and reads its score. */
      double score() throws Exception {
        int exit = process.waitFor();
        String text = Files.readString(output.toPath(), StandardCharsets.UTF_8);
        for (String line : text.split("\n")) {
          if (exit == 0 && line.startsWith("SCORE ")) {
            return Double.parseDouble(line.substring("SCORE ".length()).trim());
          }
        }
        throw new IllegalStateException(
            "ParsingFork " + method + " " + family + " failed (exit " + exit + "):\n" + text);
      }
    }

    private Fork parsingFork(String method, String family, int core, int measured)
        throws IOException {
      List<String> command = new ArrayList<>();
      if (PINNED) {
        command.addAll(List.of("/usr/bin/taskset", "-c", String.valueOf(core)));
      }
      command.addAll(
          List.of(
              StarterProperties.javaBin(),
              "-Xmx512m",
              "-XX:+UseG1GC", // a JVM that sees one core would pick the serial collector
              "-Djmh.ignoreLock=true", // two JMH instances at once, by design
              "-cp",
              System.getProperty("java.class.path"),
              ParsingFork.class.getName(),
              method,
              family,
              String.valueOf(warmups),
              String.valueOf(measured)));
      File output = File.createTempFile("parsing-fork-", ".txt");
      output.deleteOnExit();
      Process process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.to(output))
              .start();
      return new Fork(method, family, process, output);
    }

    private void add(String key, double score) {
      forks.computeIfAbsent(key, k -> new ArrayList<>()).add(new double[] {score, 0});
    }

    /**
     * For a parsing pair: each round's ratio and how far the ratio of the means moves from round to
     * round (the SDK's forks paired with the tree's of the same rounds), for the notes.
     */
    String roundNotes(String sdkKey, String baselineKey) {
      List<Double> sdk = forkMeans(sdkKey);
      List<Double> baseline = forkMeans(baselineKey);
      int offset =
          sdkKey.startsWith("ParsingBenchmark.receiver[") ? baseline.size() - sdk.size() : 0;
      if (sdk.isEmpty() || offset < 0 || baseline.size() < offset + sdk.size()) {
        return "";
      }
      List<Double> paired = baseline.subList(offset, offset + sdk.size());
      StringBuilder sb = new StringBuilder("; each round's ratio");
      for (int i = 0; i < sdk.size(); i++) {
        sb.append(String.format(Locale.ROOT, " %.3f", sdk.get(i) / paired.get(i)));
      }
      if (sdk.size() > 1) {
        sb.append(
            String.format(
                Locale.ROOT,
                "; the ratio's spread from sample to sample ± %.3f (bootstrap standard deviation"
                    + " over the rounds)",
                Results.ratioOfMeansSpread(sdk, paired)));
      }
      return sb.toString();
    }

    /** A key's fork scores when it ran in more than one fork, for the notes. */
    String forkScores(String key) {
      List<double[]> runs = forks.getOrDefault(key, List.of());
      if (runs.size() < 2) {
        return "";
      }
      StringBuilder sb = new StringBuilder(" (forks");
      runs.forEach(run -> sb.append(' ').append(Math.round(run[0])));
      return sb.append(')').toString();
    }

    private List<Double> forkMeans(String key) {
      return forks.getOrDefault(key, List.of()).stream().map(run -> run[0]).toList();
    }

    /**
     * Each key's mean score over its forks, and the largest error any fork reported (none for the
     * parsing forks, whose spread the notes give from round to round).
     */
    Map<String, double[]> scores() {
      Map<String, double[]> scores = new LinkedHashMap<>();
      forks.forEach(
          (key, runs) -> {
            double sum = 0;
            double error = 0;
            for (double[] run : runs) {
              sum += run[0];
              error = Math.max(error, run[1]);
            }
            scores.put(key, new double[] {sum / runs.size(), error});
          });
      return scores;
    }
  }

  private record Pair(
      String section,
      String name,
      String unit,
      String sdk,
      String baseline,
      String goal,
      String missing) {}

  private static final String MISSING = "SDK benchmark missing from this build";

  private static final List<Pair> PAIRS =
      List.of(
          new Pair(
              "Parsing",
              "Futwork campaign post-call: typed vs readTree",
              "parses/s",
              "ParsingBenchmark.typed[futwork-campaign-post-call]",
              "ParsingBenchmark.tree[futwork-campaign-post-call]",
              "ratio>=1.0",
              MISSING),
          new Pair(
              "Parsing",
              "diagnostic: Futwork campaign post-call: receiver's parse step (record, delivery, key) vs readTree",
              "parses/s",
              "ParsingBenchmark.receiver[futwork-campaign-post-call]",
              "ParsingBenchmark.tree[futwork-campaign-post-call]",
              "-",
              MISSING),
          new Pair(
              "Parsing",
              "Futwork workflow post-call: typed vs readTree",
              "parses/s",
              "ParsingBenchmark.typed[futwork-workflow-post-call]",
              "ParsingBenchmark.tree[futwork-workflow-post-call]",
              "ratio>=1.0",
              MISSING),
          new Pair(
              "Parsing",
              "diagnostic: Futwork workflow post-call: receiver's parse step (record, delivery, key) vs readTree",
              "parses/s",
              "ParsingBenchmark.receiver[futwork-workflow-post-call]",
              "ParsingBenchmark.tree[futwork-workflow-post-call]",
              "-",
              MISSING),
          new Pair(
              "Parsing",
              "Flowforge captured_form.created: typed vs readTree",
              "parses/s",
              "ParsingBenchmark.typed[flowforge-captured-form-created]",
              "ParsingBenchmark.tree[flowforge-captured-form-created]",
              "ratio>=1.0",
              MISSING),
          new Pair(
              "Parsing",
              "diagnostic: Flowforge captured_form.created: receiver's parse step (record, delivery, key) vs readTree",
              "parses/s",
              "ParsingBenchmark.receiver[flowforge-captured-form-created]",
              "ParsingBenchmark.tree[flowforge-captured-form-created]",
              "-",
              MISSING),
          new Pair(
              "Parsing",
              "Flowforge captured_intent.created: typed vs readTree",
              "parses/s",
              "ParsingBenchmark.typed[flowforge-captured-intent-created]",
              "ParsingBenchmark.tree[flowforge-captured-intent-created]",
              "ratio>=1.0",
              MISSING),
          new Pair(
              "Parsing",
              "diagnostic: Flowforge captured_intent.created: receiver's parse step (record, delivery, key) vs readTree",
              "parses/s",
              "ParsingBenchmark.receiver[flowforge-captured-intent-created]",
              "ParsingBenchmark.tree[flowforge-captured-intent-created]",
              "-",
              MISSING),
          new Pair(
              "Parsing",
              "Flowforge conversation.closed: typed vs readTree",
              "parses/s",
              "ParsingBenchmark.typed[flowforge-conversation-closed]",
              "ParsingBenchmark.tree[flowforge-conversation-closed]",
              "ratio>=1.0",
              MISSING),
          new Pair(
              "Parsing",
              "diagnostic: Flowforge conversation.closed: receiver's parse step (record, delivery, key) vs readTree",
              "parses/s",
              "ParsingBenchmark.receiver[flowforge-conversation-closed]",
              "ParsingBenchmark.tree[flowforge-conversation-closed]",
              "-",
              MISSING),
          new Pair(
              "Parsing",
              "WorkFlux conversation.completed: typed vs readTree",
              "parses/s",
              "ParsingBenchmark.typed[workflux-conversation-completed]",
              "ParsingBenchmark.tree[workflux-conversation-completed]",
              "ratio>=1.0",
              MISSING),
          new Pair(
              "Parsing",
              "diagnostic: WorkFlux conversation.completed: receiver's parse step (record, delivery, key) vs readTree",
              "parses/s",
              "ParsingBenchmark.receiver[workflux-conversation-completed]",
              "ParsingBenchmark.tree[workflux-conversation-completed]",
              "-",
              MISSING),
          new Pair(
              "Parsing",
              "diagnostic: campaign post-call, 20 KB transcript: typed, transcript not read, vs readTree",
              "parses/s",
              "TranscriptBenchmark.unread",
              "TranscriptBenchmark.tree",
              "-",
              MISSING),
          new Pair(
              "Parsing",
              "diagnostic: campaign post-call, 20 KB transcript: typed, transcript read, vs readTree",
              "parses/s",
              "TranscriptBenchmark.read",
              "TranscriptBenchmark.tree",
              "-",
              MISSING),
          new Pair(
              "Field mapping",
              "document example (3 fields) vs hand-written Java",
              "records/s",
              "MappingBenchmark.sdkMapping",
              "MappingBenchmark.byHand",
              "-",
              MISSING),
          new Pair(
              "Signature verification",
              "1 KB body",
              "verifications/s",
              "SignatureBenchmark.sdkStandardWebhooks[1024]",
              "SignatureBenchmark.hmacBaseline[1024]",
              "-",
              MISSING),
          new Pair(
              "Signature verification",
              "20 KB body",
              "verifications/s",
              "SignatureBenchmark.sdkStandardWebhooks[20480]",
              "SignatureBenchmark.hmacBaseline[20480]",
              "-",
              MISSING),
          new Pair(
              "Signature verification",
              "1 MB body",
              "verifications/s",
              "SignatureBenchmark.sdkStandardWebhooks[1048576]",
              "SignatureBenchmark.hmacBaseline[1048576]",
              "-",
              MISSING));
}
