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
    int runs = Integer.getInteger("bench.startup.runs", 20);
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
    List<List<Double>> ms = new ArrayList<>();
    List<List<Double>> heap = new ArrayList<>();
    List<List<Double>> cpu = new ArrayList<>();
    List<List<Double>> mainCpu = new ArrayList<>();
    for (int i = 0; i < k; i++) {
      ms.add(new ArrayList<>());
      heap.add(new ArrayList<>());
      cpu.add(new ArrayList<>());
      mainCpu.add(new ArrayList<>());
    }
    long sdkBeans = 0;
    for (int r = 0; r < runs; r++) {
      for (int j = 0; j < k; j++) {
        int i = (j + r) % k; // rotate the order
        Variant v = variants.get(i);
        long[] m = run(v);
        if (v.sdk() != (m[2] > 0)) {
          throw new IllegalStateException(v.name() + ": " + m[2] + " Switchboard beans");
        }
        sdkBeans = Math.max(sdkBeans, m[2]);
        ms.get(i).add((double) m[0]);
        heap.get(i).add(m[1] / 1048576.0);
        cpu.get(i).add((double) m[3]);
        mainCpu.get(i).add((double) m[4]);
        System.out.printf(
            Locale.ROOT,
            "  run %d %-42s ready in %d ms (CPU %d ms, main thread %d ms), heap after full GC %.1f"
                + " MB%n",
            r + 1,
            v.name() + ":",
            m[0],
            m[3],
            m[4],
            m[1] / 1048576.0);
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
            figure("time to ready", "ms", ms, "diff<=100", how + "; runs with/without: "),
            figure(
                "heap used after full GC",
                "MB",
                heap,
                "diff<=10",
                "System.gc() x3 then MemoryMXBean heap used; runs with/without: "),
            figure(
                "diagnostic: process CPU time to ready (less sensitive to other load)",
                "ms",
                cpu,
                "-",
                "all JVM threads (JIT and GC included); runs with/without: "),
            figure(
                "diagnostic: main thread CPU time to ready (the SDK's own path, least sensitive to"
                    + " other load)",
                "ms",
                mainCpu,
                "-",
                "ThreadMXBean current-thread CPU time in the ready listener; runs with/without: ")));
  }

  /** A figure of the runs with the starters (index 0) against those without (index 1). */
  private static Figure figure(
      String name, String unit, List<List<Double>> runs, String goal, String how) {
    return new Figure(
        "Startup and memory",
        name,
        unit,
        Results.median(runs.get(0)),
        Results.median(runs.get(1)),
        goal,
        how + Results.pairs(runs.get(0), runs.get(1), 1));
  }

  private record Variant(String name, String classPath, List<String> extraArgs, boolean sdk) {}

  private static long[] run(Variant v) throws Exception {
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
        return new long[] {
          Long.parseLong(f[1]),
          Long.parseLong(f[2]),
          Long.parseLong(f[3]),
          Long.parseLong(f[4]),
          Long.parseLong(f[5])
        };
      }
    }
    throw new IllegalStateException("the application did not report its startup:\n" + output);
  }
}
