package dev.switchboard.benchmarks.startup;

import dev.switchboard.benchmarks.Figure;
import dev.switchboard.benchmarks.Results;
import dev.switchboard.benchmarks.StarterProperties;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/**
 * Starts {@link StartupApp} in fresh JVMs, alternately with the Switchboard modules on the class
 * path and without them (the same class path minus the SDK's jars and spring-retry, which only the
 * SDK brings), and compares the medians. Neither side has sdk-core's test jar.
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
   * Runs the startup figures and writes them as part {@code 4-startup}.
   *
   * @param args unused; the system property {@code bench.startup.runs} sets the runs per side
   * @throws Exception when a run fails
   */
  public static void main(String[] args) throws Exception {
    // Forty per side: on this shared host one startup differs from the next by ~280 ms (standard
    // deviation), which with twenty per side left the difference of the medians ± 78 ms from run to
    // run, as wide as the goal.
    int runs = Integer.getInteger("bench.startup.runs", 40);
    // sdk-core's test jar carries the fixtures the other parts read; no application has it.
    String[] entries =
        Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
            .filter(e -> !e.endsWith("-tests.jar"))
            .toArray(String[]::new);
    String with = String.join(File.pathSeparator, entries);
    String without =
        Arrays.stream(entries)
            .filter(e -> !sdkJar(e))
            .collect(Collectors.joining(File.pathSeparator));
    List<String> left =
        Arrays.stream(entries)
            .filter(StartupBench::sdkJar)
            .map(e -> new File(e).getName())
            .toList();
    System.out.println("startup: with vs without " + left);

    List<Variant> variants =
        List.of(
            new Variant("with starters", with, List.of(), true),
            new Variant("without starters", without, List.of(), false));
    int k = variants.size();
    for (Variant v : variants) {
      run(v); // warm the file system cache
    }
    List<List<Sample>> samples = new ArrayList<>();
    for (int i = 0; i < k; i++) {
      samples.add(new ArrayList<>());
    }
    long sdkBeans = 0;
    for (int r = 0; r < runs; r++) {
      for (int j = 0; j < k; j++) {
        int i = (j + r) % k; // rotate the order
        Variant v = variants.get(i);
        Sample m = run(v);
        if (v.sdk() != (m.sdkBeans() > 0)) {
          throw new IllegalStateException(v.name() + ": " + m.sdkBeans() + " Switchboard beans");
        }
        sdkBeans = Math.max(sdkBeans, m.sdkBeans());
        samples.get(i).add(m);
        System.out.printf(
            Locale.ROOT,
            "  run %d %-42s ready in %d ms (CPU %d ms, main thread %d ms), heap after full GC %.1f"
                + " MB%n",
            r + 1,
            v.name() + ":",
            m.readyMillis(),
            m.cpuMillis(),
            m.mainCpuMillis(),
            m.heapMegabytes());
      }
    }
    String how =
        "median of "
            + runs
            + " fresh JVMs per variant, rotating; JVM start to ApplicationReadyEvent; "
            + sdkBeans
            + " Switchboard beans; without = same class path minus "
            + String.join(", ", left);
    Results.write(
        "4-startup",
        List.of(
            figure("time to ready", "ms", samples, Sample::readyMillis, "diff<=100", how),
            figure(
                "heap used after full GC",
                "MB",
                samples,
                Sample::heapMegabytes,
                "diff<=10",
                "System.gc() x3 then MemoryMXBean heap used"),
            figure(
                "diagnostic: process CPU time to ready (less sensitive to other load)",
                "ms",
                samples,
                Sample::cpuMillis,
                "-",
                "all JVM threads (JIT and GC included)"),
            figure(
                "diagnostic: main thread CPU time to ready (the SDK's own path, least sensitive to"
                    + " other load)",
                "ms",
                samples,
                Sample::mainCpuMillis,
                "-",
                "ThreadMXBean current-thread CPU time in the ready listener")));
  }

  /**
   * A figure of one measure of the runs with the starters (index 0) against those without (index
   * 1); its notes are the measure's spread, {@code how}, and every pair of runs.
   */
  private static Figure figure(
      String name,
      String unit,
      List<List<Sample>> samples,
      ToDoubleFunction<Sample> measure,
      String goal,
      String how) {
    List<Double> with = samples.get(0).stream().map(measure::applyAsDouble).toList();
    List<Double> without = samples.get(1).stream().map(measure::applyAsDouble).toList();
    return new Figure(
        "Startup and memory",
        name,
        unit,
        Results.median(with),
        Results.median(without),
        goal,
        String.format(
                Locale.ROOT,
                "difference's spread from sample to sample ± %."
                    + (unit.equals("MB") ? 2 : 1)
                    + "f %s (bootstrap standard deviation over the pairs); ",
                Results.medianDifferenceSpread(with, without),
                unit)
            + how
            + "; runs with/without: "
            + Results.pairs(with, without, 1));
  }

  private record Variant(String name, String classPath, List<String> extraArgs, boolean sdk) {}

  /** What one started application reported. */
  private record Sample(
      long readyMillis, long heapBytes, long sdkBeans, long cpuMillis, long mainCpuMillis) {

    double heapMegabytes() {
      return heapBytes / 1048576.0;
    }
  }

  private static Sample run(Variant v) throws Exception {
    List<String> command =
        new ArrayList<>(
            List.of(
                StarterProperties.javaBin(),
                "-Xmx256m",
                "-cp",
                v.classPath(),
                StartupApp.class.getName()));
    command.addAll(StarterProperties.args());
    command.addAll(v.extraArgs());
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IllegalStateException("the application did not stop");
    }
    for (String line : output.split("\n")) {
      if (line.startsWith("STARTUP ")) {
        String[] f = line.trim().split(" ");
        return new Sample(
            Long.parseLong(f[1]),
            Long.parseLong(f[2]),
            Long.parseLong(f[3]),
            Long.parseLong(f[4]),
            Long.parseLong(f[5]));
      }
    }
    throw new IllegalStateException("the application did not report its startup:\n" + output);
  }
}
