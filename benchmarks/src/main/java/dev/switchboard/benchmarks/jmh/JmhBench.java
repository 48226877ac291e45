package dev.switchboard.benchmarks.jmh;

import dev.switchboard.benchmarks.Figure;
import dev.switchboard.benchmarks.Results;
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
 * one fork each, and several for the parsing figures, whose goal sits close to their forks' spread)
 * and writes their scores as part {@code 3-jmh}: each SDK method beside its baseline method.
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
    // Two rounds of typed, tree, tree, typed per family: four forks per side, because one fork's
    // score differs from the next one's by a few per cent when the host is quiet (and by far more
    // when it is not), which two forks per side let through to the ratio (an unchanged parser
    // measured 0.997 and 1.16 of the tree in two runs).
    int rounds = Integer.getInteger("bench.jmh.parsing.rounds", 2);
    Jmh jmh = new Jmh(warmups, iterations);
    if (args.length > 0) {
      jmh.run(args[0], null);
    } else {
      jmh.run("MappingBenchmark|SignatureBenchmark|TranscriptBenchmark", null);
      // Each family's typed parse and tree run back to back, each first in turn, so that the
      // machine's drift over the run does not land on one side of a ratio.
      for (String family : FAMILIES) {
        for (int round = 0; round < rounds; round++) {
          jmh.run("ParsingBenchmark\\.typed$", family);
          jmh.run("ParsingBenchmark\\.tree$", family);
          jmh.run("ParsingBenchmark\\.tree$", family);
          jmh.run("ParsingBenchmark\\.typed$", family);
        }
        jmh.run("ParsingBenchmark\\.receiver$", family);
      }
    }
    Map<String, double[]> scores = jmh.scores();
    scores.forEach((k, v) -> System.out.printf("  %s: %.0f ± %.0f ops/s%n", k, v[0], v[1]));
    List<Figure> figures = new ArrayList<>();
    String how =
        "JMH 1.37, "
            + warmups
            + "x1 s warm-up, "
            + iterations
            + "x1 s measured per fork; parsing: typed and tree in "
            + 2 * rounds
            + " forks each, run back to back and each first in turn, mean of the forks";
    for (Pair p : PAIRS) {
      double[] sdk = scores.get(p.sdk());
      double[] base = scores.get(p.baseline());
      if (sdk == null && base == null) {
        continue;
      }
      String note =
          how
              + jmh.ratioSpread(p.sdk(), p.baseline())
              + (sdk == null
                  ? "; " + p.missing()
                  : "; SDK ± " + Math.round(sdk[1]) + jmh.forkScores(p.sdk()))
              + (base == null
                  ? ""
                  : ", baseline ± " + Math.round(base[1]) + jmh.forkScores(p.baseline()));
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

    /**
     * For two keys that each ran in more than one fork, how far the ratio of their means moves from
     * fork to fork, for the notes; otherwise nothing.
     */
    String ratioSpread(String sdkKey, String baselineKey) {
      List<Double> sdk = forkMeans(sdkKey);
      List<Double> baseline = forkMeans(baselineKey);
      if (sdk.size() < 2 || baseline.size() < 2) {
        return "";
      }
      return String.format(
          Locale.ROOT,
          "; the ratio's spread from fork to fork ± %.3f (bootstrap standard deviation over the"
              + " forks of each side)",
          Results.ratioOfMeansSpread(sdk, baseline));
    }

    private List<Double> forkMeans(String key) {
      return forks.getOrDefault(key, List.of()).stream().map(run -> run[0]).toList();
    }

    /** Each key's mean score over its forks, and the largest error any fork reported. */
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
