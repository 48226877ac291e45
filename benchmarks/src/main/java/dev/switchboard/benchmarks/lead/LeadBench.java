package dev.switchboard.benchmarks.lead;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.benchmarks.Figure;
import dev.switchboard.benchmarks.Results;
import dev.switchboard.benchmarks.StarterProperties;
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
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Lead submission: {@link LeadClient} against what a user would write instead, the JDK's {@link
 * HttpClient} (built with the executor the SDK gives its own client) posting the same bytes,
 * written from the lead by Jackson, and reading the lead's id from the answer; against one stub
 * server in its own JVM: one lead at a time, 32 at a time, and {@code submitAll} against the loop a
 * user would write on as many threads.
 */
public final class LeadBench {

  private static final String WORKFLOW = "wf_6512";
  private static final String KEY = "bench-api-key";
  private static final int THREADS = 32;

  private final URI uri;
  private final ObjectMapper mapper = new ObjectMapper();
  private final Map<String, Object> data = new LinkedHashMap<>();
  private final HttpClient jdk;
  private final LeadClient sdk;
  private final WorkflowLead lead;

  private LeadBench(String base) throws Exception {
    data.put("customer_name", "Asha Verma");
    data.put("order_total", 1499);
    data.put("city", "Pune");
    this.lead = WorkflowLead.of("+91 99997-89877", data, "AWB-20251121-0001");
    this.uri = URI.create(base + "/workflows/" + WORKFLOW + "/leads");
    this.jdk =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .executor(Runnable::run) // as the SDK builds its own client
            .build();
    this.sdk =
        LeadClient.builder()
            .apiKey(KEY)
            .workflowsBaseUrl(base)
            .campaignsBaseUrl(base)
            .bulkConcurrency(THREADS)
            .build();
  }

  private int sdkOne() {
    return sdk.submitToWorkflow(WORKFLOW, lead).status();
  }

  private int jdkOne() throws Exception {
    // The bytes the SDK sends for this lead: the normalised number, the data, the reference.
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("recipientPhoneNumber", "9999789877");
    json.put("recipientData", data);
    json.put("referenceId", "AWB-20251121-0001");
    byte[] body = mapper.writeValueAsBytes(json);
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .header("x-api-key", KEY)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
    HttpResponse<byte[]> response = jdk.send(request, HttpResponse.BodyHandlers.ofByteArray());
    if (mapper.readTree(response.body()).path("leadId").asText().isEmpty()) {
      throw new IllegalStateException("no lead id in the answer");
    }
    return response.statusCode();
  }

  /** Leads per second of {@code n} calls one after the other. */
  private static double sequential(int n, Callable<Integer> one) throws Exception {
    long start = System.nanoTime();
    for (int i = 0; i < n; i++) {
      accepted(one.call());
    }
    return rate(n, start);
  }

  private static void accepted(int status) {
    if (status != 201) {
      throw new IllegalStateException("the stub answered " + status);
    }
  }

  /** Leads per second of {@code n} calls on a fresh pool of 32 threads, one task per lead. */
  private static double pooled(int n, Callable<Integer> one) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      long start = System.nanoTime();
      List<Future<Integer>> futures = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        futures.add(pool.submit(one));
      }
      for (Future<Integer> f : futures) {
        accepted(f.get());
      }
      return rate(n, start);
    } finally {
      pool.shutdownNow();
    }
  }

  private double submitAll(int n) {
    List<LeadSubmission> batch = Collections.nCopies(n, LeadSubmission.workflow(WORKFLOW, lead));
    long start = System.nanoTime();
    BulkResult result = sdk.submitAll(batch, (done, total, outcome) -> {});
    if (!result.allSucceeded()) {
      throw new IllegalStateException(
          result.failed().size() + " leads failed, first: " + result.failed().get(0).error());
    }
    return rate(n, start);
  }

  private static double rate(int n, long startNanos) {
    return n / ((System.nanoTime() - startNanos) / 1e9);
  }

  /**
   * Runs the lead figures and writes them as part {@code 1-lead}.
   *
   * @param args unused; the system properties {@code bench.lead.rounds}, {@code
   *     bench.lead.sequential}, {@code bench.lead.concurrent} and {@code bench.lead.bulk} size the
   *     run
   * @throws Exception when the stub cannot start or a lead fails
   */
  public static void main(String[] args) throws Exception {
    int rounds = Integer.getInteger("bench.lead.rounds", 10);
    int sequentialN = Integer.getInteger("bench.lead.sequential", 1000);
    int concurrentN = Integer.getInteger("bench.lead.concurrent", 4000);
    int bulkN = Integer.getInteger("bench.lead.bulk", 10000);
    Process stub =
        new ProcessBuilder(
                StarterProperties.javaBin(),
                "-Xmx256m",
                "-Dsun.net.httpserver.nodelay=true",
                // Idle connections stay open: each client's pool idles while the other one runs.
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
        throw new IllegalStateException("the stub server did not start: " + line);
      }
      LeadBench bench = new LeadBench("http://127.0.0.1:" + line.substring(5).trim());
      System.out.printf(Locale.ROOT, "lead submission: %d rounds after 3 warm-up rounds%n", rounds);
      List<List<Double>> rates = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        rates.add(new ArrayList<>());
      }
      for (int r = -3; r < rounds; r++) {
        // The SDK first in even rounds, the JDK client first in odd ones.
        boolean sdkFirst = (r & 1) == 0;
        double[] round = new double[6];
        for (int side : sdkFirst ? new int[] {0, 1} : new int[] {1, 0}) {
          Callable<Integer> one = side == 0 ? bench::sdkOne : bench::jdkOne;
          round[side] = sequential(sequentialN, one);
          round[2 + side] = pooled(concurrentN, one);
          round[4 + side] = side == 0 ? bench.submitAll(bulkN) : pooled(bulkN, one);
        }
        System.out.printf(
            Locale.ROOT,
            "  %s: SDK/JDK one at a time %.0f/%.0f, 32 at a time %.0f/%.0f,"
                + " submitAll/loop %.0f/%.0f leads/s%n",
            r < 0 ? "warm-up" : "round " + (r + 1),
            round[0],
            round[1],
            round[2],
            round[3],
            round[4],
            round[5]);
        for (int i = 0; r >= 0 && i < 6; i++) {
          rates.get(i).add(round[i]);
        }
      }
      Results.write(
          "1-lead",
          List.of(
              figure("one at a time, vs the JDK client", rates, 0, 0.95),
              figure("32 at a time, vs the JDK client", rates, 2, 0.95),
              // Within 1.2x the time is at least 1/1.2 of the rate.
              figure("submitAll of " + bulkN + ", vs a loop on 32 threads", rates, 4, 1 / 1.2)));
    } finally {
      stub.getOutputStream().close();
      stub.waitFor();
    }
  }

  private static Figure figure(String name, List<List<Double>> rates, int sdk, double goal) {
    return new Figure(
        "Lead submission",
        name,
        "leads/s",
        Results.median(rates.get(sdk)),
        Results.median(rates.get(sdk + 1)),
        goal);
  }
}
