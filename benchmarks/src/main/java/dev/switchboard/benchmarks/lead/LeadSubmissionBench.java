package dev.switchboard.benchmarks.lead;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.benchmarks.Figure;
import dev.switchboard.benchmarks.Results;
import dev.switchboard.futwork.lead.BulkResult;
import dev.switchboard.futwork.lead.LeadClient;
import dev.switchboard.futwork.lead.LeadReceipt;
import dev.switchboard.futwork.lead.LeadSubmission;
import dev.switchboard.futwork.lead.WorkflowLead;
import java.io.BufferedReader;
import java.io.File;
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
 * same bytes with the same headers, one at a time and 32 at once, in alternating rounds against one
 * stub server in its own JVM.
 */
public final class LeadSubmissionBench {

  private static final String WORKFLOW = "wf_6512";
  private static final String KEY = "bench-api-key";
  private static final int CONCURRENCY = 32;

  private final LeadClient sdk;
  private final HttpClient raw;
  private final URI rawUri;
  private final byte[] rawBody;
  private final String userAgent;
  private final WorkflowLead lead;

  private LeadSubmissionBench(int port) throws Exception {
    String base = "http://127.0.0.1:" + port;
    this.sdk =
        LeadClient.builder()
            .apiKey(KEY)
            .workflowsBaseUrl(base)
            .campaignsBaseUrl(base)
            .bulkConcurrency(CONCURRENCY)
            .build();
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

  private LeadReceipt sdkOne() {
    return sdk.submitToWorkflow(WORKFLOW, lead);
  }

  private int rawOne() throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(rawUri)
            .timeout(Duration.ofSeconds(30))
            .header("User-Agent", userAgent)
            .header("Accept", "application/json")
            .header("Content-Type", "application/json")
            .header("x-api-key", KEY)
            .POST(HttpRequest.BodyPublishers.ofByteArray(rawBody))
            .build();
    HttpResponse<byte[]> response = raw.send(request, HttpResponse.BodyHandlers.ofByteArray());
    if (response.statusCode() != 201) {
      throw new IllegalStateException("stub answered " + response.statusCode());
    }
    return response.body().length;
  }

  private double sdkSerial(int n) {
    long start = System.nanoTime();
    for (int i = 0; i < n; i++) {
      if (sdkOne().status() != 201) {
        throw new IllegalStateException("stub did not answer 201");
      }
    }
    return n / seconds(start);
  }

  private double rawSerial(int n) throws Exception {
    long start = System.nanoTime();
    for (int i = 0; i < n; i++) {
      rawOne();
    }
    return n / seconds(start);
  }

  private double sdkBulk(int n) {
    List<LeadSubmission> batch = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      batch.add(LeadSubmission.workflow(WORKFLOW, lead));
    }
    long start = System.nanoTime();
    BulkResult result = sdk.submitAll(batch, (done, total, outcome) -> {});
    double rate = n / seconds(start);
    if (!result.allSucceeded()) {
      throw new IllegalStateException(
          result.failed().size() + " bulk leads failed: " + result.failed().get(0).error());
    }
    return rate;
  }

  /** The same shape as a bulk submission: a fresh pool of 32 threads, one task per lead. */
  private double rawConcurrent(int n) throws Exception {
    long start = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(CONCURRENCY);
    try {
      List<Future<Integer>> futures = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        futures.add(pool.submit(this::rawOne));
      }
      for (Future<Integer> f : futures) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    return n / seconds(start);
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }

  /**
   * Runs the lead submission figures and writes them as part {@code 1-lead}.
   *
   * @param args unused; sizes come from the system properties {@code bench.lead.rounds}, {@code
   *     bench.lead.serial} and {@code bench.lead.bulk}
   * @throws Exception when the stub cannot start or a request fails
   */
  public static void main(String[] args) throws Exception {
    int rounds = Integer.getInteger("bench.lead.rounds", 6);
    int serialN = Integer.getInteger("bench.lead.serial", 2000);
    int bulkN = Integer.getInteger("bench.lead.bulk", 4000);
    Process stub =
        new ProcessBuilder(
                System.getProperty("java.home") + File.separator + "bin" + File.separator + "java",
                "-Xmx256m",
                "-Dsun.net.httpserver.nodelay=true",
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
      System.out.printf(Locale.ROOT, "lead submission: stub on port %d, %d rounds%n", port, rounds);

      // Warm both paths up: JIT, connection pools.
      for (int i = 0; i < 2; i++) {
        bench.sdkSerial(serialN / 2);
        bench.rawSerial(serialN / 2);
        bench.sdkBulk(bulkN / 2);
        bench.rawConcurrent(bulkN / 2);
      }

      List<Double> sdkSerial = new ArrayList<>();
      List<Double> rawSerial = new ArrayList<>();
      List<Double> sdkBulk = new ArrayList<>();
      List<Double> rawBulk = new ArrayList<>();
      for (int r = 0; r < rounds; r++) {
        // Alternate which goes first so drift in the machine's load hits both alike.
        if (r % 2 == 0) {
          sdkSerial.add(bench.sdkSerial(serialN));
          rawSerial.add(bench.rawSerial(serialN));
          sdkBulk.add(bench.sdkBulk(bulkN));
          rawBulk.add(bench.rawConcurrent(bulkN));
        } else {
          rawSerial.add(bench.rawSerial(serialN));
          sdkSerial.add(bench.sdkSerial(serialN));
          rawBulk.add(bench.rawConcurrent(bulkN));
          sdkBulk.add(bench.sdkBulk(bulkN));
        }
        System.out.printf(
            Locale.ROOT,
            "  round %d: serial sdk %.0f raw %.0f req/s | 32 at once sdk %.0f raw %.0f req/s%n",
            r + 1,
            sdkSerial.get(r),
            rawSerial.get(r),
            sdkBulk.get(r),
            rawBulk.get(r));
      }
      String note =
          "median of "
              + rounds
              + " alternating rounds; rounds sdk/raw: "
              + rounds(sdkSerial, rawSerial);
      String bulkNote =
          "submitAll, bulkConcurrency 32 vs 32 threads; median of "
              + rounds
              + " rounds; rounds sdk/raw: "
              + rounds(sdkBulk, rawBulk);
      Results.write(
          "1-lead",
          List.of(
              new Figure(
                  "Lead submission",
                  "one at a time (" + serialN + " leads/round)",
                  "req/s",
                  Results.median(sdkSerial),
                  Results.median(rawSerial),
                  "ratio>=0.95",
                  note),
              new Figure(
                  "Lead submission",
                  "32 at once (" + bulkN + " leads/round)",
                  "req/s",
                  Results.median(sdkBulk),
                  Results.median(rawBulk),
                  "ratio>=0.90",
                  bulkNote)));
    } finally {
      stub.getOutputStream().close();
      stub.waitFor();
    }
  }

  private static String rounds(List<Double> sdk, List<Double> raw) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < sdk.size(); i++) {
      if (i > 0) {
        sb.append(", ");
      }
      sb.append(String.format(Locale.ROOT, "%.0f/%.0f", sdk.get(i), raw.get(i)));
    }
    return sb.toString();
  }
}
