package dev.switchboard.futwork.lead;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.switchboard.core.http.HttpSettings;
import dev.switchboard.core.http.InvalidRequestException;
import dev.switchboard.core.http.RetrySettings;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Bulk submission against a local server that counts how many requests are in flight at once. */
class BulkSubmissionTest {

  HttpServer server;
  final AtomicInteger inFlight = new AtomicInteger();
  final AtomicInteger maxInFlight = new AtomicInteger();
  final AtomicInteger requests = new AtomicInteger();
  volatile CountDownLatch release = new CountDownLatch(0);

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
    server.setExecutor(Executors.newFixedThreadPool(32));
    server.createContext(
        "/api/",
        exchange -> {
          int now = inFlight.incrementAndGet();
          maxInFlight.accumulateAndGet(now, Math::max);
          requests.incrementAndGet();
          try {
            release.await(5, TimeUnit.SECONDS);
            String body =
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            // the lead's referenceId tells the stub how to answer
            boolean refuse = body.contains("\"BAD-");
            byte[] answer =
                refuse
                    ? "{\"message\":\"duplicate referenceId\"}".getBytes(StandardCharsets.UTF_8)
                    : ("{\"leadId\":\""
                            + body.replaceAll(".*\"referenceId\":\"([^\"]+)\".*", "$1")
                            + "\"}")
                        .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(refuse ? 400 : 201, answer.length);
            exchange.getResponseBody().write(answer);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          } finally {
            inFlight.decrementAndGet();
            exchange.close();
          }
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  LeadClient client(int concurrency) {
    String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/api";
    return LeadClient.builder()
        .apiKey("k")
        .workflowsBaseUrl(base)
        .campaignsBaseUrl(base)
        .http(new HttpSettings(Duration.ofSeconds(2), Duration.ofSeconds(10), RetrySettings.NONE))
        .bulkConcurrency(concurrency)
        .build();
  }

  static List<LeadSubmission> leads(int n, int... badIndexes) {
    List<LeadSubmission> list = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      final int index = i;
      boolean bad = java.util.Arrays.stream(badIndexes).anyMatch(b -> b == index);
      list.add(
          LeadSubmission.workflow(
              "wf", WorkflowLead.of("9999789877", Map.of("i", i), (bad ? "BAD-" : "REF-") + i)));
    }
    return list;
  }

  @Test
  void keepsInputOrderAndReportsPartialFailures() {
    List<LeadSubmission> input = new ArrayList<>(leads(10, 3, 7));
    input.set(5, LeadSubmission.campaign("c", CampaignLead.of("not a phone", Map.of())));

    BulkResult result = client(4).submitAll(input);

    assertThat(result.outcomes()).hasSize(10);
    for (int i = 0; i < 10; i++) {
      LeadOutcome o = result.outcomes().get(i);
      assertThat(o.index()).isEqualTo(i);
      assertThat(o.submission()).isSameAs(input.get(i));
      if (i != 3 && i != 5 && i != 7) {
        assertThat(o.receipt().leadId()).contains("REF-" + i);
      }
    }
    assertThat(result.failed()).extracting(LeadOutcome::index).containsExactly(3, 5, 7);
    assertThat(result.outcomes().get(3).error()).isInstanceOf(InvalidRequestException.class);
    assertThat(result.outcomes().get(5).error()).isInstanceOf(LeadValidationException.class);
    assertThat(result.succeeded()).hasSize(7);
    assertThat(result.allSucceeded()).isFalse();
    assertThat(requests.get()).isEqualTo(9); // the invalid lead never left
  }

  @Test
  void concurrencyBoundIsRespectedAndReached() throws Exception {
    release = new CountDownLatch(1);
    LeadClient client = client(3);
    var done = Executors.newSingleThreadExecutor().submit(() -> client.submitAll(leads(12)));

    // wait until the client has filled its slots, then check it never exceeds them
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (inFlight.get() < 3 && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertThat(inFlight.get()).isEqualTo(3);
    release.countDown();

    assertThat(done.get(10, TimeUnit.SECONDS).allSucceeded()).isTrue();
    assertThat(maxInFlight.get()).isEqualTo(3);
    assertThat(requests.get()).isEqualTo(12);
  }

  @Test
  void progressIsReportedOncePerLeadWithoutOverlap() {
    List<Integer> seen = new ArrayList<>();
    AtomicInteger concurrentCallbacks = new AtomicInteger();
    AtomicInteger overlaps = new AtomicInteger();

    client(8)
        .submitAll(
            leads(20, 4),
            (completed, total, outcome) -> {
              if (concurrentCallbacks.incrementAndGet() > 1) {
                overlaps.incrementAndGet();
              }
              seen.add(completed);
              assertThat(total).isEqualTo(20);
              concurrentCallbacks.decrementAndGet();
            });

    assertThat(seen).hasSize(20).isSorted().startsWith(1).endsWith(20);
    assertThat(overlaps.get()).isZero();
  }

  @Test
  void anEmptyBatchIsAnEmptyResult() {
    assertThat(client(2).submitAll(List.of()).outcomes()).isEmpty();
  }
}
