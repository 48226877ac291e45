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
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Webhook ingest: starts {@link IngestApp} in its own JVM and loads its three endpoints in turn
 * with wrk, each round in a different order, with the campaign post-call fixture and a variant
 * carrying a 20 KB transcript; every request has its own {@code callSid}.
 */
public final class IngestBench {

  private static final String TOKEN = "?token=" + StarterProperties.FUTWORK_WEBHOOK_SECRET;
  private static final String SDK = "/webhooks/futwork" + TOKEN;
  private static final String HAND_WRITTEN = "/hand-written/futwork" + TOKEN;
  private static final String NOTHING = "/nothing/futwork";

  private IngestBench() {}

  /**
   * Runs the ingest figures and writes them as part {@code 2-ingest}.
   *
   * @param args unused; the system properties {@code bench.ingest.rounds}, {@code
   *     bench.ingest.seconds} and {@code bench.ingest.connections} size the run
   * @throws Exception when the application or wrk fails
   */
  public static void main(String[] args) throws Exception {
    int rounds = Integer.getInteger("bench.ingest.rounds", 3);
    int seconds = Integer.getInteger("bench.ingest.seconds", 8);
    int connections = Integer.getInteger("bench.ingest.connections", 32);
    Path work = Files.createTempDirectory("switchboard-ingest");
    Path lua = work.resolve("unique-post.lua");
    Files.write(lua, resource("/bench/unique-post.lua"));
    ObjectMapper json = new ObjectMapper();
    ObjectNode small =
        (ObjectNode) json.readTree(resource("/payloads/futwork-campaign-post-call.json"));
    small.put("callSid", "__CALL_SID__");
    ObjectNode large = small.deepCopy().put("transcript", transcript(20 * 1024));
    Map<String, Path> payloads = new LinkedHashMap<>();
    payloads.put("campaign post-call", write(work.resolve("small.json"), json, small));
    payloads.put(
        "campaign post-call, 20 KB transcript", write(work.resolve("large.json"), json, large));

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
      String base = "http://127.0.0.1:" + awaitReady(app);
      System.out.printf(
          Locale.ROOT,
          "webhook ingest: %s, wrk -t2 -c%d -d%ds, %d rounds%n",
          base,
          connections,
          seconds,
          rounds);
      List<String> paths = List.of(SDK, HAND_WRITTEN, NOTHING);
      List<Figure> figures = new ArrayList<>();
      long run = 0;
      for (Map.Entry<String, Path> payload : payloads.entrySet()) {
        for (String path : paths) { // warm-up, not counted
          wrk(lua, base + path, payload.getValue(), "w" + run++, connections, seconds);
        }
        Map<String, List<Double>> rates = new LinkedHashMap<>();
        for (int r = 0; r < rounds; r++) {
          List<String> order = new ArrayList<>(paths);
          Collections.rotate(order, r); // each endpoint takes its turn first
          for (String path : order) {
            Wrk w = wrk(lua, base + path, payload.getValue(), "r" + run++, connections, seconds);
            rates.computeIfAbsent(path, p -> new ArrayList<>()).add(w.requestsPerSecond());
            System.out.printf(
                Locale.ROOT,
                "  %s, %s, round %d: %.0f req/s%n",
                payload.getKey(),
                path.replace(TOKEN, ""),
                r + 1,
                w.requestsPerSecond());
          }
        }
        double sdk = Results.median(rates.get(SDK));
        for (String against : List.of(HAND_WRITTEN, NOTHING)) {
          figures.add(
              new Figure(
                  "Webhook ingest",
                  payload.getKey()
                      + (against.equals(NOTHING)
                          ? ", vs a do-nothing endpoint"
                          : ", vs the hand-written receiver"),
                  "req/s",
                  sdk,
                  Results.median(rates.get(against)),
                  against.equals(NOTHING) ? Double.NaN : 0.95));
        }
      }
      long published = published(base);
      System.out.println("  deliveries published to the listeners: " + published);
      if (published == 0) {
        throw new IllegalStateException("the receivers answered but published nothing");
      }
      Results.write("2-ingest", figures);
    } finally {
      app.destroy();
      if (!app.waitFor(20, TimeUnit.SECONDS)) {
        app.destroyForcibly();
      }
    }
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
                "-s",
                lua.toString(),
                url,
                "--",
                body.toString(),
                runId)
            .redirectErrorStream(true)
            .start();
    String output = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (wrk.waitFor() != 0) {
      throw new IllegalStateException("wrk failed:\n" + output);
    }
    Wrk w = Wrk.parse(output);
    if (w.failed() > 0) {
      throw new IllegalStateException(url + ": " + w.failed() + " requests failed:\n" + output);
    }
    return w;
  }

  private static long published(String base) throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(base + "/bench/published")).build(),
                HttpResponse.BodyHandlers.ofString());
    return Long.parseLong(response.body().trim());
  }

  /** Reads the application's output up to {@code READY <port>}, then lets the rest drain. */
  private static int awaitReady(Process app) throws IOException {
    BufferedReader out =
        new BufferedReader(new InputStreamReader(app.getInputStream(), StandardCharsets.UTF_8));
    for (String line = out.readLine(); line != null; line = out.readLine()) {
      if (line.startsWith("READY ")) {
        Thread drain =
            new Thread(() -> out.lines().forEach(l -> System.out.println("  app| " + l)));
        drain.setDaemon(true);
        drain.start();
        return Integer.parseInt(line.substring(6).trim());
      }
      System.out.println("  app| " + line);
    }
    throw new IllegalStateException("the application exited before it was ready");
  }

  /**
   * A transcript of the given length in chars, the lines of a delivery call.
   *
   * @param size the length
   * @return the transcript
   */
  static String transcript(int size) {
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

  private static byte[] resource(String name) throws IOException {
    try (InputStream in = IngestBench.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IOException("no " + name + " on the class path");
      }
      return in.readAllBytes();
    }
  }

  private static Path write(Path file, ObjectMapper json, ObjectNode body) throws IOException {
    return Files.write(file, json.writeValueAsBytes(body));
  }
}
