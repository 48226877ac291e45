package dev.switchboard.benchmarks.jmh;

import dev.switchboard.benchmarks.Figure;
import dev.switchboard.benchmarks.Results;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs {@link ParsingBenchmark} and {@link SignatureBenchmark}, one fork each, and writes each SDK
 * score beside its baseline's as part {@code 3-jmh}. Reported only: no goal.
 */
public final class JmhBench {

  private JmhBench() {}

  /**
   * Runs them.
   *
   * @param args unused; the system properties {@code bench.jmh.warmups}, {@code
   *     bench.jmh.iterations} and {@code bench.jmh.millis} (per iteration) size the run
   * @throws Exception when JMH fails
   */
  public static void main(String[] args) throws Exception {
    TimeValue time = TimeValue.milliseconds(Integer.getInteger("bench.jmh.millis", 1000));
    var options =
        new OptionsBuilder()
            .include(JmhBench.class.getPackageName() + ".(ParsingBenchmark|SignatureBenchmark)")
            .forks(1)
            .warmupIterations(Integer.getInteger("bench.jmh.warmups", 3))
            .warmupTime(time)
            .measurementIterations(Integer.getInteger("bench.jmh.iterations", 5))
            .measurementTime(time)
            .timeUnit(TimeUnit.SECONDS)
            .jvmArgs("-Xmx512m")
            .shouldFailOnError(true)
            .build();
    // Scores by method and parameter, such as "typed futwork-campaign-post-call".
    Map<String, Double> scores = new HashMap<>();
    for (RunResult r : new Runner(options).run()) {
      String method = r.getParams().getBenchmark().replaceAll(".*\\.", "");
      String param =
          String.join(
              ",",
              r.getParams().getParamsKeys().stream().map(k -> r.getParams().getParam(k)).toList());
      scores.put(method + " " + param, r.getPrimaryResult().getScore());
    }
    List<Figure> figures = new ArrayList<>();
    for (String family :
        List.of(
            "futwork-campaign-post-call",
            "futwork-workflow-post-call",
            "flowforge-captured-form-created",
            "flowforge-conversation-closed",
            "workflux-conversation-completed")) {
      figures.add(
          new Figure(
              "Parsing",
              family + ", typed vs readTree",
              "parses/s",
              scores.get("typed " + family),
              scores.get("tree " + family),
              Double.NaN));
    }
    for (String size : List.of("1024", "20480")) {
      figures.add(
          new Figure(
              "Signature",
              "WorkFlux, " + Integer.parseInt(size) / 1024 + " KB body, vs a hand-written HMAC",
              "checks/s",
              scores.get("sdkStandardWebhooks " + size),
              scores.get("hmacBaseline " + size),
              Double.NaN));
    }
    Results.write("3-jmh", figures);
  }
}
