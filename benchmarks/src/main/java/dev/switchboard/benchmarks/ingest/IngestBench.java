package dev.switchboard.benchmarks.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.benchmarks.Figure;
import dev.switchboard.benchmarks.Results;
import dev.switchboard.benchmarks.StarterProperties;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Webhook ingest: starts {@link IngestApp} in its own JVM, then loads the starter's endpoint and
 * the bare controller in rotating wrk runs at a fixed concurrency, with the campaign post-call
 * fixture and a variant carrying a 20 KB transcript; each request has its own {@code callSid}.
 */
public final class IngestBench {

  static final String SECRET_HEADER = "X-Webhook-Secret";
  static final String SECRET = StarterProperties.FUTWORK_WEBHOOK_SECRET;
  private static final String STARTER = "/webhooks/futwork";
  private static final String BARE = "/bare/futwork";
  private static final String BARE_PARSE = "/bare-parse/futwork";
  private static final String BARE_STREAM = "/bare-stream/futwork";

  private IngestBench() {}

  /**
   * Runs the ingest figures and writes them as part {@code 2-ingest}.
   *
   * @param args unused; the system properties {@code bench.ingest.rounds}, {@code
   *     bench.ingest.seconds}, {@code bench.ingest.connections} size the run
   * @throws Exception when the application or wrk fails
   */
  public static void main(String[] args) throws Exception {
    int rounds = Integer.getInteger("bench.ingest.rounds", 3);
    int seconds = Integer.getInteger("bench.ingest.seconds", 8);
    int connections = Integer.getInteger("bench.ingest.connections", 32);
    Path work = Files.createTempDirectory("switchboard-ingest");
    Path lua = work.resolve("unique-post.lua");
    try (InputStream in = IngestBench.class.getResourceAsStream("/bench/unique-post.lua")) {
      Files.write(lua, in.readAllBytes());
    }
    byte[] fixture;
    try (InputStream in =
        IngestBench.class.getResourceAsStream("/payloads/futwork-campaign-post-call.json")) {
      fixture = in.readAllBytes();
    }
    ObjectMapper json = new ObjectMapper();
    ObjectNode small = (ObjectNode) json.readTree(fixture);
    small.put("callSid", "__CALL_SID__");
    ObjectNode large = small.deepCopy();
    large.put("transcript", transcript(20 * 1024));
    List<Payload> payloads =
        List.of(
            new Payload(
                "campaign post-call", write(work, "small.json", json.writeValueAsBytes(small))),
            new Payload(
                "campaign post-call, 20 KB transcript",
                write(work, "large.json", json.writeValueAsBytes(large))));

    List<String> command =
        new ArrayList<>(
            List.of(
                StarterProperties.javaBin(),
                "-Xmx512m",
                "-cp",
                System.getProperty("java.class.path"),
                IngestApp.class.getName()));
    command.addAll(StarterProperties.args());
    Process app = new ProcessBuilder(command).redirectErrorStream(true).start();
    try {
      int port = awaitReady(app);
      String base = "http://127.0.0.1:" + port;
      boolean starter = probe(base + STARTER, Files.readAllBytes(payloads.get(0).file()));
      if (!probe(base + BARE, Files.readAllBytes(payloads.get(0).file()))) {
        throw new IllegalStateException("the bare endpoint did not answer 200");
      }
      System.out.printf(
          Locale.ROOT,
          "webhook ingest: app on port %d, wrk -t2 -c%d -d%ds, %d rounds, starter endpoint %s%n",
          port,
          connections,
          seconds,
          rounds,
          starter ? "present" : "ABSENT");
      List<String> paths =
          starter
              ? List.of(STARTER, BARE, BARE_PARSE, BARE_STREAM)
              : List.of(BARE, BARE_PARSE, BARE_STREAM);
      List<Figure> figures = new ArrayList<>();
      long run = System.currentTimeMillis();
      for (Payload payload : payloads) {
        for (String path : paths) { // warm-up, not measured
          wrk(lua, base + path, payload.file(), "w" + run++, connections, seconds);
        }
        Map<String, List<Wrk>> byPath = new HashMap<>();
        for (int r = 0; r < rounds; r++) {
          List<String> order = new ArrayList<>(paths);
          java.util.Collections.rotate(order, r); // each path takes its turn first
          for (String path : order) {
            Wrk w = wrk(lua, base + path, payload.file(), "r" + run++, connections, seconds);
            if (w.non2xx() > 0) {
              throw new IllegalStateException(
                  path + ": " + w.non2xx() + " answers were not 2xx (or socket errors)");
            }
            byPath.computeIfAbsent(path, p -> new ArrayList<>()).add(w);
            System.out.printf(
                Locale.ROOT,
                "  %s %s round %d: %.0f req/s, p50 %.2f ms, p99 %.2f ms%n",
                payload.name(),
                path,
                r + 1,
                w.requestsPerSecond(),
                w.p50Millis(),
                w.p99Millis());
          }
        }
        List<Wrk> bare = byPath.get(BARE);
        figures.addAll(
            figures(
                payload.name(),
                byPath.getOrDefault(STARTER, List.of()),
                bare,
                connections,
                seconds,
                rounds));
        figures.add(
            diagnostic(
                payload.name() + ": bare controller + readTree",
                byPath.get(BARE_PARSE),
                bare,
                "the least an endpoint that reads the JSON into a tree pays, against the bare"
                    + " controller"));
        figures.add(
            diagnostic(
                payload.name() + ": bare controller + streaming read, every value decoded",
                byPath.get(BARE_STREAM),
                bare,
                "Jackson's parser over the body, every string and number decoded and nothing"
                    + " built: the least any typed result of the delivery pays"));
      }
      long published = published(base);
      System.out.println("  post-calls published to the listener: " + published);
      if (starter && published == 0) {
        throw new IllegalStateException("the starter answered but published nothing");
      }
      Results.write("2-ingest", figures);
    } finally {
      app.destroy();
      if (!app.waitFor(20, TimeUnit.SECONDS)) {
        app.destroyForcibly();
      }
    }
  }

  private static Figure diagnostic(String name, List<Wrk> runs, List<Wrk> bare, String note) {
    return new Figure(
        "Webhook ingest",
        "diagnostic: " + name + ", throughput",
        "req/s",
        Results.median(runs.stream().map(Wrk::requestsPerSecond).toList()),
        Results.median(bare.stream().map(Wrk::requestsPerSecond).toList()),
        "-",
        note + "; runs: " + runs(runs, bare, Wrk::requestsPerSecond));
  }

  private static List<Figure> figures(
      String payload, List<Wrk> sdk, List<Wrk> bare, int connections, int seconds, int rounds) {
    String how =
        "wrk -t2 -c"
            + connections
            + " -d"
            + seconds
            + "s after a "
            + seconds
            + " s warm-up per path, median of "
            + rounds
            + " runs, each path first in turn";
    double bareRate = Results.median(bare.stream().map(Wrk::requestsPerSecond).toList());
    double bareP50 = Results.median(bare.stream().map(Wrk::p50Millis).toList());
    double bareP99 = Results.median(bare.stream().map(Wrk::p99Millis).toList());
    if (sdk.isEmpty()) {
      String missing =
          "the starter endpoint is not in this build (futwork-webhook-starter not on main)";
      return List.of(
          new Figure(
              "Webhook ingest",
              payload + ": throughput",
              "req/s",
              Double.NaN,
              bareRate,
              "ratio>=0.90",
              missing),
          new Figure(
              "Webhook ingest",
              payload + ": p99",
              "ms",
              Double.NaN,
              bareP99,
              "ratio<=1.5",
              missing));
    }
    return List.of(
        new Figure(
            "Webhook ingest",
            payload + ": throughput",
            "req/s",
            Results.median(sdk.stream().map(Wrk::requestsPerSecond).toList()),
            bareRate,
            "ratio>=0.90",
            how + "; runs sdk/bare: " + runs(sdk, bare, Wrk::requestsPerSecond)),
        new Figure(
            "Webhook ingest",
            payload + ": p50",
            "ms",
            Results.median(sdk.stream().map(Wrk::p50Millis).toList()),
            bareP50,
            "-",
            ""),
        new Figure(
            "Webhook ingest",
            payload + ": p99",
            "ms",
            Results.median(sdk.stream().map(Wrk::p99Millis).toList()),
            bareP99,
            "ratio<=1.5",
            "runs sdk/bare: " + runs(sdk, bare, Wrk::p99Millis)));
  }

  private static String runs(
      List<Wrk> sdk, List<Wrk> bare, java.util.function.ToDoubleFunction<Wrk> f) {
    return Results.pairs(
        sdk.stream().map(f::applyAsDouble).toList(),
        bare.stream().map(f::applyAsDouble).toList(),
        1);
  }

  private static Wrk wrk(
      Path lua, String url, Path body, String runId, int connections, int seconds)
      throws IOException, InterruptedException {
    Process wrk =
        new ProcessBuilder(
                "wrk",
                "-t2",
                "-c" + connections,
                "-d" + seconds + "s",
                "--timeout",
                "10s",
                "--latency",
                "-s",
                lua.toString(),
                url,
                "--",
                body.toString(),
                runId,
                SECRET_HEADER,
                SECRET)
            .redirectErrorStream(true)
            .start();
    String output = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (wrk.waitFor() != 0) {
      throw new IllegalStateException("wrk failed:\n" + output);
    }
    return Wrk.parse(output);
  }

  private static long published(String base) throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(base + "/bench/published")).build(),
                HttpResponse.BodyHandlers.ofString());
    return Long.parseLong(response.body().trim());
  }

  private static boolean probe(String url, byte[] template) throws Exception {
    String body =
        new String(template, StandardCharsets.UTF_8)
            .replace("__CALL_SID__", "probe-" + System.nanoTime());
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(url))
                    .header("Content-Type", "application/json")
                    .header(SECRET_HEADER, SECRET)
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .timeout(Duration.ofSeconds(10))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() == 404) {
      return false;
    }
    if (response.statusCode() / 100 != 2) {
      throw new IllegalStateException(
          url + " answered " + response.statusCode() + ": " + response.body());
    }
    return true;
  }

  private static int awaitReady(Process app) throws Exception {
    BufferedReader out =
        new BufferedReader(new InputStreamReader(app.getInputStream(), StandardCharsets.UTF_8));
    CompletableFuture<Integer> port = new CompletableFuture<>();
    Thread drain =
        new Thread(
            () -> {
              try {
                String line;
                while ((line = out.readLine()) != null) {
                  if (line.startsWith("READY ")) {
                    port.complete(Integer.parseInt(line.substring(6).trim()));
                  } else {
                    System.out.println("  app| " + line);
                  }
                }
              } catch (IOException ignored) {
                // the application stopped
              }
              port.completeExceptionally(new IllegalStateException("the application exited"));
            },
            "app-output");
    drain.setDaemon(true);
    drain.start();
    return port.get(120, TimeUnit.SECONDS);
  }

  /**
   * A transcript of the given length in chars, lines of a delivery call: what the 20 KB variant of
   * the campaign post-call carries (also read by the parsing benchmark's transcript rows).
   *
   * @param size the length
   * @return the transcript
   */
  public static String transcript(int size) {
    String[] lines = {
      "assistant: Hello, this is Asha from the delivery desk, am I speaking with the customer?\n",
      "user: yes speaking, what is this about\n",
      "assistant: Your order is out for delivery today; would you prefer the morning or the evening?\n",
      "user: evening is better, after six please\n",
    };
    StringBuilder sb = new StringBuilder(size + 128);
    for (int i = 0; sb.length() < size; i++) {
      sb.append(lines[i % lines.length]);
    }
    sb.setLength(size);
    return sb.toString();
  }

  private static Path write(Path dir, String name, byte[] bytes) throws IOException {
    return Files.write(dir.resolve(name), bytes);
  }

  private record Payload(String name, Path file) {}
}
