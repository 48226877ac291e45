package dev.switchboard.benchmarks.startup;

import dev.switchboard.benchmarks.Figure;
import dev.switchboard.benchmarks.Results;
import dev.switchboard.benchmarks.StarterProperties;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * SDK brings), pairing the runs by round; a third variant in turn with them puts, in place of the
 * SDK's jars, the floor ({@link dev.switchboard.benchmarks.floor}): auto-configurations of the
 * SDK's shape whose beans do nothing. No variant has sdk-core's test jar.
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
            new Variant("with starters", with, Kind.SDK),
            new Variant("without starters", without, Kind.NONE),
            new Variant(
                "floor (trivial beans, the SDK's shape)",
                without + File.pathSeparator + floorImports(),
                Kind.FLOOR));
    int k = variants.size();
    for (Variant v : variants) {
      run(v); // warm the file system cache
    }
    List<List<Sample>> samples = new ArrayList<>();
    for (int i = 0; i < k; i++) {
      samples.add(new ArrayList<>());
    }
    long sdkBeans = 0;
    long floorBeans = 0;
    for (int r = 0; r < runs; r++) {
      for (int j = 0; j < k; j++) {
        int i = (j + r) % k; // rotate the order
        Variant v = variants.get(i);
        Sample m = run(v);
        v.kind().check(v.name(), m);
        sdkBeans = Math.max(sdkBeans, m.sdkBeans());
        floorBeans = Math.max(floorBeans, m.floorBeans());
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
    List<Sample> sdk = samples.get(0);
    List<Sample> none = samples.get(1);
    List<Sample> floor = samples.get(2);
    String how =
        "median of "
            + runs
            + " fresh JVMs per variant, rotating; JVM start to ApplicationReadyEvent; "
            + sdkBeans
            + " Switchboard beans; without = same class path minus "
            + String.join(", ", left);
    String floorHow =
        "the floor: the application without starters plus seven auto-configurations of the SDK's"
            + " shape (its conditions, "
            + floorBeans
            + " beans of which five @ConfigurationProperties records bound from the same"
            + " arguments, a handler mapping) whose beans do nothing, started in turn with the"
            + " other two; what Spring charges for any SDK of that shape";
    Results.write(
        "4-startup",
        List.of(
            figure("time to ready", "ms", sdk, none, Sample::readyMillis, "diff<=100", how),
            figure(
                "heap used after full GC",
                "MB",
                sdk,
                none,
                Sample::heapMegabytes,
                "diff<=10",
                "System.gc() x3 then MemoryMXBean heap used"),
            figure(
                "diagnostic: process CPU time to ready (less sensitive to other load)",
                "ms",
                sdk,
                none,
                Sample::cpuMillis,
                "-",
                "all JVM threads (JIT and GC included)"),
            figure(
                "diagnostic: main thread CPU time to ready (the SDK's own path, least sensitive to"
                    + " other load)",
                "ms",
                sdk,
                none,
                Sample::mainCpuMillis,
                "-",
                "ThreadMXBean current-thread CPU time in the ready listener"),
            figure(
                "diagnostic: time to ready, the floor (the SDK's shape with beans that do nothing)"
                    + " vs without starters",
                "ms",
                floor,
                none,
                Sample::readyMillis,
                "-",
                floorHow),
            figure(
                "diagnostic: main thread CPU time to ready, the floor vs without starters",
                "ms",
                floor,
                none,
                Sample::mainCpuMillis,
                "-",
                floorHow),
            figure(
                "diagnostic: time to ready, with starters vs the floor (what the SDK's beans cost"
                    + " beyond their shape)",
                "ms",
                sdk,
                floor,
                Sample::readyMillis,
                "-",
                "the same runs, paired by round")));
  }

  /**
   * Writes the floor's auto-configuration imports file into a directory of its own, for the floor
   * variant's class path only.
   */
  private static String floorImports() throws IOException {
    Path dir = Files.createTempDirectory("switchboard-floor");
    Path file = dir.resolve(FLOOR_IMPORTS);
    Files.createDirectories(file.getParent());
    // Deleted at exit in the reverse order of registration: the file, then each directory up.
    for (Path p = dir; !p.equals(file); p = p.resolve(file.getName(p.getNameCount()))) {
      p.toFile().deleteOnExit();
    }
    file.toFile().deleteOnExit();
    try (InputStream in = StartupBench.class.getResourceAsStream("/floor/" + FLOOR_IMPORTS)) {
      if (in == null) {
        throw new IllegalStateException("floor/" + FLOOR_IMPORTS + " is not on the class path");
      }
      Files.copy(in, file);
    }
    return dir.toString();
  }

  private static final String FLOOR_IMPORTS =
      "META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports";

  /**
   * A figure of one measure of the runs of one variant against those of another, paired by round:
   * each side's median, and as the difference the median of the pairs' differences (a slow stretch
   * of the host moves both runs of a pair, not their difference); its notes give the spreads, the
   * difference of the medians, {@code how}, and every pair of runs.
   */
  private static Figure figure(
      String name,
      String unit,
      List<Sample> sdkSamples,
      List<Sample> baselineSamples,
      ToDoubleFunction<Sample> measure,
      String goal,
      String how) {
    List<Double> with = sdkSamples.stream().map(measure::applyAsDouble).toList();
    List<Double> without = baselineSamples.stream().map(measure::applyAsDouble).toList();
    String format = "%." + (unit.equals("MB") ? 2 : 1) + "f";
    return new Figure(
        "Startup and memory",
        name,
        unit,
        Results.median(with),
        Results.median(without),
        goal,
        String.format(
                Locale.ROOT,
                "difference = median of the "
                    + with.size()
                    + " pairs' differences (each pair started one after the other), spread from"
                    + " sample to sample ± "
                    + format
                    + " %s; the difference of the two medians "
                    + format
                    + " %s (± "
                    + format
                    + ") (spreads: bootstrap standard deviation over the pairs); ",
                Results.medianOfDifferencesSpread(with, without),
                unit,
                Results.median(with) - Results.median(without),
                unit,
                Results.medianDifferenceSpread(with, without))
            + how
            + "; runs "
            + sides(sdkSamples, baselineSamples)
            + ": "
            + Results.pairs(with, without, unit.equals("MB") ? 2 : 1),
        Results.medianOfDifferences(with, without));
  }

  private static String sides(List<Sample> first, List<Sample> second) {
    return side(first) + "/" + side(second);
  }

  private static String side(List<Sample> samples) {
    if (samples.get(0).sdkBeans() > 0) {
      return "with";
    }
    return samples.get(0).floorBeans() > 0 ? "floor" : "without";
  }

  /** What a variant's application must hold: the SDK's beans, the floor's, or neither. */
  private enum Kind {
    SDK,
    NONE,
    FLOOR;

    void check(String name, Sample m) {
      if ((this == SDK) != (m.sdkBeans() > 0) || (this == FLOOR) != (m.floorBeans() > 0)) {
        throw new IllegalStateException(
            name + ": " + m.sdkBeans() + " Switchboard beans, " + m.floorBeans() + " floor beans");
      }
    }
  }

  private record Variant(String name, String classPath, Kind kind) {}

  /** What one started application reported. */
  private record Sample(
      long readyMillis,
      long heapBytes,
      long sdkBeans,
      long cpuMillis,
      long mainCpuMillis,
      long floorBeans) {

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
            Long.parseLong(f[5]),
            Long.parseLong(f[6]));
      }
    }
    throw new IllegalStateException("the application did not report its startup:\n" + output);
  }
}
