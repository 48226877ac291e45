package dev.switchboard.benchmarks.startup;

import dev.switchboard.benchmarks.Figure;
import dev.switchboard.benchmarks.Results;
import dev.switchboard.benchmarks.StarterProperties;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Startup: {@link StartupApp} in fresh JVMs, in pairs, once with the Switchboard starters on the
 * class path and once without them (the same class path minus the SDK's jars and spring-retry,
 * which only the SDK brings), the order swapped every pair. Reported only: no goal.
 */
public final class StartupBench {

  private StartupBench() {}

  /** Jars only the SDK brings: left out of the class path of the application without starters. */
  static boolean sdkJar(String entry) {
    String name = new File(entry).getName();
    return name.startsWith("sdk-core-")
        || name.startsWith("futwork-")
        || name.startsWith("flowforge-")
        || name.startsWith("workflux-")
        || name.startsWith("spring-retry-");
  }

  /**
   * Runs the pairs and writes the figure as part {@code 4-startup}.
   *
   * @param args unused; the system property {@code bench.startup.pairs} sets the number of pairs
   * @throws Exception when a run fails
   */
  public static void main(String[] args) throws Exception {
    int pairs = Integer.getInteger("bench.startup.pairs", 20);
    // sdk-core's test jar carries the fixtures the other parts read; neither application has it.
    List<String> entries =
        Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
            .filter(e -> !e.endsWith("-tests.jar"))
            .toList();
    String with = String.join(File.pathSeparator, entries);
    String without =
        entries.stream().filter(e -> !sdkJar(e)).collect(Collectors.joining(File.pathSeparator));
    run(with, true); // warms the file system cache
    run(without, false);
    List<Double> withMillis = new ArrayList<>();
    List<Double> withoutMillis = new ArrayList<>();
    for (int i = 0; i < pairs; i++) {
      boolean withFirst = i % 2 == 0;
      double first = run(withFirst ? with : without, withFirst);
      double second = run(withFirst ? without : with, !withFirst);
      withMillis.add(withFirst ? first : second);
      withoutMillis.add(withFirst ? second : first);
      System.out.printf(
          "  pair %d: ready in %.0f ms with the starters, %.0f ms without%n",
          i + 1, withMillis.get(i), withoutMillis.get(i));
    }
    Results.write(
        "4-startup",
        List.of(
            new Figure(
                "Startup",
                "time to ready, with the starters vs without",
                "ms",
                Results.median(withMillis),
                Results.median(withoutMillis),
                Double.NaN)));
  }

  /** Starts the application once and returns its milliseconds from JVM start to ready. */
  private static double run(String classPath, boolean withStarters) throws Exception {
    List<String> command =
        new ArrayList<>(
            List.of(
                StarterProperties.javaBin(),
                "-Xmx256m",
                "-cp",
                classPath,
                StartupApp.class.getName()));
    command.addAll(StarterProperties.args());
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IllegalStateException("the application did not stop");
    }
    for (String line : output.split("\n")) {
      if (line.startsWith("STARTUP ")) {
        String[] f = line.trim().split(" ");
        long sdkBeans = Long.parseLong(f[2]);
        if (withStarters != (sdkBeans > 0)) {
          throw new IllegalStateException(
              "expected " + (withStarters ? "some" : "no") + " Switchboard beans: " + sdkBeans);
        }
        return Double.parseDouble(f[1]);
      }
    }
    throw new IllegalStateException("the application did not report its startup:\n" + output);
  }
}
