package dev.switchboard.benchmarks.lead;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.benchmarks.Figure;
import dev.switchboard.benchmarks.Results;
import dev.switchboard.benchmarks.StarterProperties;
import dev.switchboard.core.SwitchboardException;
import dev.switchboard.futwork.lead.BulkResult;
import dev.switchboard.futwork.lead.LeadClient;
import dev.switchboard.futwork.lead.LeadSubmission;
import dev.switchboard.futwork.lead.WorkflowLead;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Lead submission throughput: {@link LeadClient} against the JDK's {@link HttpClient} sending the
 * same bytes with the same headers, one at a time and 32 at once, in rotating rounds against one
 * stub server in its own JVM.
 */
public final class LeadSubmissionBench {

  private static final String WORKFLOW = "wf_6512";
  private static final String KEY = "bench-api-key";
  private static final int CONCURRENCY = 32;

  private final String base;
  private final HttpClient raw;
  private final HttpClient rawSameThread;
  private final URI rawUri;
  private final byte[] rawBody;
  private final String userAgent;
  private final WorkflowLead lead;

  private LeadSubmissionBench(int port) throws Exception {
    this.base = "http://127.0.0.1:" + port;
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("customer_name", "Asha Verma");
    data.put("order_total", 1499);
    data.put("city", "Pune");
    this.lead = WorkflowLead.of("+91 99997-89877", data, "AWB-20251121-0001");
    // The exact bytes the SDK sends for this lead: the normalised number, the data, the reference.
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("recipientPhoneNumber", "9999789877");
    body.put("recipientData", data);
    body.put("referenceId", "AWB-20251121-0001");
    this.rawBody = new ObjectMapper().writeValueAsBytes(body);
    this.rawUri = URI.create(base + "/workflows/" + WORKFLOW + "/leads");
    this.raw =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    // Diagnostic: the JDK client configured as the SDK configures its own (the client's follow-up
    // work runs on its selector thread), to show the SDK's own cost apart from that choice.
    this.rawSameThread =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .executor(Runnable::run)
            .build();
    this.userAgent =
        "switchboard-java/"
            + sdkVersion()
            + " (futwork-client; Java "
            + System.getProperty("java.version")
            + ")";
  }

  private static String sdkVersion() throws java.io.IOException {
    var p = new java.util.Properties();
    try (var in =
        LeadClient.class.getResourceAsStream("/dev/switchboard/core/version.properties")) {
      if (in != null) {
        p.load(in);
      }
    }
    return p.getProperty("version", "unknown");
  }

  /** One way of sending the lead: a single call, returning the status. */
  @FunctionalInterface
  private interface Sender {
    int send() throws Exception;
  }

  /** A contender: one lead at a time, and many leads with 32 at once. */
  private record Contender(String name, Sender one, java.util.function.IntUnaryOperator bulk) {}

  private LeadClient sdk() {
    return LeadClient.builder()
        .apiKey(KEY)
        .workflowsBaseUrl(base)
        .campaignsBaseUrl(base)
        .bulkConcurrency(CONCURRENCY)
        .build();
  }

  private Contender sdkContender(String name, LeadClient client) {
    return new Contender(
        name,
        () -> client.submitToWorkflow(WORKFLOW, lead).status(),
        n -> {
          List<LeadSubmission> batch = new ArrayList<>(n);
          for (int i = 0; i < n; i++) {
            batch.add(LeadSubmission.workflow(WORKFLOW, lead));
          }
          BulkResult result = client.submitAll(batch, (done, total, outcome) -> {});
          if (!result.allSucceeded()) {
            SwitchboardException first = result.failed().get(0).error();
            throw new IllegalStateException(
                result.failed().size() + " bulk leads failed: " + first, first);
          }
          return n;
        });
  }

  private Contender rawContender(String name, HttpClient client) {
    Sender one = () -> rawOne(client);
    return new Contender(
        name,
        one,
        n -> {
          // The same shape as a bulk submission: a fresh pool of 32 threads, one task per lead.
          ExecutorService pool = Executors.newFixedThreadPool(CONCURRENCY);
          try {
            List<Future<Integer>> futures = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
              futures.add(pool.submit(one::send));
            }
            for (Future<Integer> f : futures) {
              f.get();
            }
            return n;
          } catch (Exception e) {
            throw new IllegalStateException(e);
          } finally {
            pool.shutdownNow();
          }
        });
  }

  private int rawOne(HttpClient client) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(rawUri)
            .timeout(Duration.ofSeconds(30))
            .header("User-Agent", userAgent)
            .header("Accept", "application/json")
            .header("Content-Type", "application/json")
            .header("x-api-key", KEY)
            .POST(HttpRequest.BodyPublishers.ofByteArray(rawBody))
            .build();
    HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
    response.body();
    return response.statusCode();
  }

  /** Rounds repeated because a request failed in transport (listed in the notes). */
  private static final List<String> REPEATED = new ArrayList<>();

  /**
   * Runs a round, and runs it again (twice at most) when a request of it failed in transport: on
   * this machine the stub's JDK {@code HttpServer} now and then closes a kept-alive connection just
   * as a client sends on it ("header parser received no bytes"), for the raw client and the SDK
   * alike. The failed round's time is dropped; each repeat is named in the notes.
   */
  private static double measured(Contender c, java.util.concurrent.Callable<Double> round)
      throws Exception {
    for (int attempt = 1; ; attempt++) {
      try {
        return round.call();
      } catch (Exception e) {
        if (attempt == 3 || !inTransport(e)) {
          throw e;
        }
        String what = c.name() + ": " + rootMessage(e);
        REPEATED.add(what);
        System.out.println("  round repeated after a transport failure, " + what);
      }
    }
  }

  private static String repeatedNote() {
    return REPEATED.isEmpty()
        ? ""
        : "; rounds repeated after a transport failure (warm-up included): "
            + REPEATED.size()
            + ", first: "
            + REPEATED.get(0);
  }

  private static boolean inTransport(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof java.io.IOException
          || t instanceof dev.switchboard.core.http.TransportException) {
        return true;
      }
    }
    return false;
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return t.getClass().getSimpleName() + ": " + t.getMessage();
  }

  private static double serial(Contender c, int n) throws Exception {
    long start = System.nanoTime();
    for (int i = 0; i < n; i++) {
      int status = c.one().send();
      if (status != 201) {
        throw new IllegalStateException(c.name() + ": stub answered " + status);
      }
    }
    return n / seconds(start);
  }

  private static double bulk(Contender c, int n) {
    long start = System.nanoTime();
    c.bulk().applyAsInt(n);
    return n / seconds(start);
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }

  /**
   * Runs the lead submission figures and writes them as part {@code 1-lead}.
   *
   * @param args unused; sizes come from the system properties {@code bench.lead.rounds}, {@code
   *     bench.lead.warmups}, {@code bench.lead.serial} and {@code bench.lead.bulk}
   * @throws Exception when the stub cannot start or a request fails
   */
  public static void main(String[] args) throws Exception {
    int rounds = Integer.getInteger("bench.lead.rounds", 20);
    int warmups = Integer.getInteger("bench.lead.warmups", 10);
    int serialN = Integer.getInteger("bench.lead.serial", 1000);
    int bulkN = Integer.getInteger("bench.lead.bulk", 4000);
    Process stub =
        new ProcessBuilder(
                StarterProperties.javaBin(),
                "-Xmx256m",
                "-Dsun.net.httpserver.nodelay=true",
                // Keep idle connections: each client's pool idles while the others run, and a
                // connection the server closes meanwhile fails the next POST on reuse.
                "-Dsun.net.httpserver.idleInterval=3600",
                "-Dsun.net.httpserver.maxIdleConnections=1000",
                "-cp",
                System.getProperty("java.class.path"),
                StubServer.class.getName())
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    try {
      BufferedReader out =
          new BufferedReader(new InputStreamReader(stub.getInputStream(), StandardCharsets.UTF_8));
      String line = out.readLine();
      if (line == null || !line.startsWith("PORT ")) {
        throw new IllegalStateException("stub server did not start: " + line);
      }
      int port = Integer.parseInt(line.substring(5).trim());
      LeadSubmissionBench bench = new LeadSubmissionBench(port);
      System.out.printf(
          Locale.ROOT,
          "lead submission: stub on port %d, %d rounds, common pool parallelism %d%n",
          port,
          rounds,
          java.util.concurrent.ForkJoinPool.getCommonPoolParallelism());

      List<Contender> contenders =
          List.of(
              bench.rawContender("raw", bench.raw),
              bench.sdkContender("sdk", bench.sdk()),
              bench.rawContender("raw-same-thread", bench.rawSameThread));
      int k = contenders.size();

      // Warm every path up: JIT (the SDK's deeper stack needs more calls to be fully compiled),
      // connection pools.
      for (int i = 0; i < warmups; i++) {
        for (Contender c : contenders) {
          measured(c, () -> serial(c, serialN / 2));
          measured(c, () -> bulk(c, bulkN / 2));
        }
      }

      List<List<Double>> serialRates = new ArrayList<>();
      List<List<Double>> bulkRates = new ArrayList<>();
      for (int i = 0; i < k; i++) {
        serialRates.add(new ArrayList<>());
        bulkRates.add(new ArrayList<>());
      }
      for (int r = 0; r < rounds; r++) {
        // Rotate which goes first so drift in the machine's load hits all alike.
        for (int j = 0; j < k; j++) {
          int i = (j + r) % k;
          Contender c = contenders.get(i);
          serialRates.get(i).add(measured(c, () -> serial(c, serialN)));
        }
        for (int j = 0; j < k; j++) {
          int i = (j + r) % k;
          Contender c = contenders.get(i);
          bulkRates.get(i).add(measured(c, () -> bulk(c, bulkN)));
        }
        StringBuilder sb = new StringBuilder("  round " + (r + 1) + ":");
        for (int i = 0; i < k; i++) {
          sb.append(
              String.format(
                  Locale.ROOT,
                  " | %s %.0f / %.0f",
                  contenders.get(i).name(),
                  serialRates.get(i).get(r),
                  bulkRates.get(i).get(r)));
        }
        System.out.println(sb.append("  (req/s one at a time / 32 at once)"));
      }

      String sameThread =
          "the raw client built as the SDK builds its own (executor Runnable::run), so the ratio is"
              + " the SDK's own cost; rounds sdk/raw: ";
      List<Figure> figures =
          List.of(
              figure(
                  "one at a time (" + serialN + " leads/round)",
                  serialRates.get(1),
                  serialRates.get(0),
                  "ratio>=0.95",
                  "median of "
                      + rounds
                      + " rotating rounds vs the JDK HttpClient; rounds sdk/raw: ",
                  repeatedNote()),
              figure(
                  "32 at once (" + bulkN + " leads/round)",
                  bulkRates.get(1),
                  bulkRates.get(0),
                  "ratio>=0.90",
                  "submitAll with bulkConcurrency 32 vs 32 threads on HttpClient.send; median of "
                      + rounds
                      + " rounds; rounds sdk/raw: ",
                  repeatedNote()),
              figure(
                  "diagnostic: one at a time, against the JDK client with the SDK's executor",
                  serialRates.get(1),
                  serialRates.get(2),
                  "-",
                  sameThread,
                  ""),
              figure(
                  "diagnostic: 32 at once, against the JDK client with the SDK's executor",
                  bulkRates.get(1),
                  bulkRates.get(2),
                  "-",
                  sameThread,
                  ""));
      Results.write("1-lead", figures);
    } finally {
      stub.getOutputStream().close();
      stub.waitFor();
    }
  }

  /** A lead figure: the medians of the SDK's and a baseline's rounds, every round in the note. */
  private static Figure figure(
      String name, List<Double> sdk, List<Double> base, String goal, String how, String after) {
    return new Figure(
        "Lead submission",
        name,
        "req/s",
        Results.median(sdk),
        Results.median(base),
        goal,
        how + Results.pairs(sdk, base, 0) + after);
  }
}
