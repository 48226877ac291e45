package dev.switchboard.benchmarks.jmh;

import java.util.Collection;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * One JVM of the parsing part: one {@link ParsingBenchmark} method for one payload family, run by
 * JMH in this JVM, which runs nothing else (a fork of its own, started by {@link JmhBench} so that
 * it can be pinned to a core beside its rival). Prints {@code SCORE <ops/s>}.
 *
 * <p>Arguments: the method ({@code typed}, {@code tree} or {@code receiver}), the family, the
 * warm-up iterations, the measured iterations (1 s each).
 */
public final class ParsingFork {

  private ParsingFork() {}

  /**
   * Runs the benchmark and prints its score.
   *
   * @param args the method, the family, the warm-up iterations, the measured iterations
   * @throws Exception when JMH fails
   */
  public static void main(String[] args) throws Exception {
    OptionsBuilder options = new OptionsBuilder();
    options
        .include(ParsingBenchmark.class.getName() + "\\." + args[0] + "$")
        .param("family", args[1])
        .forks(0) // this JVM is the fork
        .warmupIterations(Integer.parseInt(args[2]))
        .warmupTime(TimeValue.seconds(1))
        .measurementIterations(Integer.parseInt(args[3]))
        .measurementTime(TimeValue.seconds(1))
        .timeUnit(TimeUnit.SECONDS)
        .verbosity(VerboseMode.SILENT)
        .shouldFailOnError(true);
    Collection<RunResult> results = new Runner(options.build()).run();
    System.out.println("SCORE " + results.iterator().next().getPrimaryResult().getScore());
  }
}
