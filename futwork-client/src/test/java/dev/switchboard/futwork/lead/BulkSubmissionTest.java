package dev.switchboard.futwork.lead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.switchboard.core.http.ApiException;
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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Bulk submission against a local server that counts how many requests are in flight at once. */
@ExtendWith(OutputCaptureExtension.class)
class BulkSubmissionTest {

  HttpServer server;
  final AtomicInteger inFlight = new AtomicInteger();
  final AtomicInteger maxInFlight = new AtomicInteger();
  final AtomicInteger requests = new AtomicInteger();
  volatile CountDownLatch release = new CountDownLatch(0);

  /** Holds back every lead whose reference starts with SLOW- until counted down. */
  final CountDownLatch slow = new CountDownLatch(1);

  final AtomicInteger slowArrived = new AtomicInteger();

  /** How many times each reference reached the server. */
  final Map<String, Integer> received = new ConcurrentHashMap<>();

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
            String reference = body.replaceAll(".*\"referenceId\":\"([^\"]+)\".*", "$1");
            received.merge(reference, 1, Integer::sum);
            if (reference.startsWith("SLOW-")) {
              slowArrived.incrementAndGet();
              slow.await(10, TimeUnit.SECONDS);
            }
            boolean refuse = reference.startsWith("BAD-");
            int status = refuse ? 400 : reference.startsWith("GATEWAY-") ? 502 : 201;
            byte[] answer =
                refuse
                    ? "{\"message\":\"duplicate referenceId\"}".getBytes(StandardCharsets.UTF_8)
                    : ("{\"leadId\":\"" + reference + "\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, answer.length);
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
    slow.countDown();
    server.stop(0);
  }

  LeadClient client(int concurrency) {
    return builder(concurrency).build();
  }

  LeadClientBuilder builder(int concurrency) {
    String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/api";
    return LeadClient.builder()
        .apiKey("k")
        .workflowsBaseUrl(base)
        .campaignsBaseUrl(base)
        .http(new HttpSettings(Duration.ofSeconds(2), Duration.ofSeconds(10), RetrySettings.NONE))
        .bulkConcurrency(concurrency);
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

  static List<LeadSubmission> leads(String... references) {
    List<LeadSubmission> list = new ArrayList<>();
    for (String reference : references) {
      list.add(LeadSubmission.workflow("wf", WorkflowLead.of("9999789877", Map.of(), reference)));
    }
    return list;
  }

  @Test
  void eachOutcomeSaysWhatBecameOfItsLead() {
    List<LeadSubmission> input =
        new ArrayList<>(leads("REF-0", "BAD-1", "GATEWAY-2", "REF-3", "REF-4"));
    input.set(3, LeadSubmission.campaign("c", CampaignLead.of("not a phone", Map.of())));

    BulkResult result = client(2).submitAll(input);

    assertThat(result.completion()).isEqualTo(BulkResult.Completion.FINISHED);
    assertThat(result.outcomes())
        .extracting(LeadOutcome::status)
        .containsExactly(
            LeadOutcome.Status.ACCEPTED,
            LeadOutcome.Status.REFUSED,
            LeadOutcome.Status.OUTCOME_UNKNOWN,
            LeadOutcome.Status.REFUSED,
            LeadOutcome.Status.ACCEPTED);
    assertThat(result.outcomeUnknown().get(0).error())
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.outcomeUnknown()).isTrue());
    assertThat(result.toResubmit()).isEmpty();
    assertThat(received).containsEntry("GATEWAY-2", 1); // a 502 is never sent twice
  }

  @Test
  void aThrowingProgressCallbackIsLoggedAndTheBatchGoesOn(CapturedOutput output) {
    AtomicInteger calls = new AtomicInteger();

    BulkResult result =
        client(4)
            .submitAll(
                leads(40),
                (completed, total, outcome) -> {
                  calls.incrementAndGet();
                  if (completed % 5 == 0) {
                    throw new IllegalStateException("progress bar gone");
                  }
                });

    assertThat(result.completion()).isEqualTo(BulkResult.Completion.FINISHED);
    assertThat(result.outcomes()).hasSize(40).allMatch(LeadOutcome::succeeded);
    for (int i = 0; i < 40; i++) {
      assertThat(result.outcomes().get(i).receipt().leadId()).contains("REF-" + i);
    }
    assertThat(requests.get()).isEqualTo(40);
    assertThat(calls.get()).isEqualTo(40);
    assertThat(output.getAll())
        .contains("progress callback threw at lead 5 of 40", "progress bar gone")
        .contains("threw 8 times in all");
  }

  @Test
  void aBatchStoppedByItsTimeLimitGivesBackExactlyTheLeadsToResubmit() {
    List<LeadSubmission> input =
        leads(
            "REF-0", "REF-1", "REF-2", "REF-3", "SLOW-4", "SLOW-5", "REF-6", "REF-7", "REF-8",
            "REF-9");
    LeadClient client = client(2);

    BulkResult first = client.submitAll(input, (c, t, o) -> {}, Duration.ofMillis(1500));

    assertThat(first.completion()).isEqualTo(BulkResult.Completion.TIME_LIMIT);
    assertThat(first.outcomes()).hasSize(10);
    assertThat(first.outcomes())
        .extracting(LeadOutcome::index)
        .containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
    assertThat(first.succeeded()).extracting(LeadOutcome::index).containsExactly(0, 1, 2, 3);
    assertThat(first.outcomeUnknown()).extracting(LeadOutcome::index).containsExactly(4, 5);
    assertThat(first.notAttempted()).extracting(LeadOutcome::index).containsExactly(6, 7, 8, 9);
    assertThat(first.toResubmit()).containsExactlyElementsOf(input.subList(6, 10));

    slow.countDown();
    BulkResult second = client.submitAll(first.toResubmit());

    assertThat(second.allSucceeded()).isTrue();
    // every lead reached the platform exactly once: none lost, none sent twice
    assertThat(received)
        .hasSize(10)
        .allSatisfy((reference, times) -> assertThat(times).isEqualTo(1));
  }

  @Test
  void theConfiguredTimeLimitBoundsABatchWhoseCallNamesNone() {
    List<LeadSubmission> input = leads("REF-0", "SLOW-1", "REF-2", "REF-3");
    LeadClient client = builder(1).bulkTimeLimit(Duration.ofMillis(1000)).build();

    BulkResult result = client.submitAll(input);

    assertThat(result.completion()).isEqualTo(BulkResult.Completion.TIME_LIMIT);
    assertThat(result.outcomes())
        .extracting(LeadOutcome::status)
        .containsExactly(
            LeadOutcome.Status.ACCEPTED,
            LeadOutcome.Status.OUTCOME_UNKNOWN,
            LeadOutcome.Status.NOT_ATTEMPTED,
            LeadOutcome.Status.NOT_ATTEMPTED);
    assertThat(requests.get()).isEqualTo(2);
  }

  @Test
  void aBulkTimeLimitMustBePositive() {
    assertThatThrownBy(() -> LeadClient.builder().bulkTimeLimit(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bulk time limit must be positive");
  }

  @Test
  void anInterruptedBatchStillAccountsForEveryLeadAndKeepsTheInterrupt() throws Exception {
    List<LeadSubmission> input = leads("REF-0", "REF-1", "SLOW-2", "SLOW-3", "REF-4", "REF-5");
    AtomicReference<BulkResult> result = new AtomicReference<>();
    AtomicBoolean stillInterrupted = new AtomicBoolean();
    LeadClient client = client(2);
    Thread caller =
        new Thread(
            () -> {
              result.set(client.submitAll(input));
              stillInterrupted.set(Thread.currentThread().isInterrupted());
            });
    caller.start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (slowArrived.get() < 2 && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }

    caller.interrupt();
    caller.join(10_000);

    assertThat(result.get().completion()).isEqualTo(BulkResult.Completion.INTERRUPTED);
    assertThat(stillInterrupted).isTrue();
    assertThat(result.get().outcomes())
        .extracting(LeadOutcome::status)
        .containsExactly(
            LeadOutcome.Status.ACCEPTED,
            LeadOutcome.Status.ACCEPTED,
            LeadOutcome.Status.OUTCOME_UNKNOWN,
            LeadOutcome.Status.OUTCOME_UNKNOWN,
            LeadOutcome.Status.NOT_ATTEMPTED,
            LeadOutcome.Status.NOT_ATTEMPTED);
    assertThat(requests.get()).isEqualTo(4);
  }

  @Test
  void anEmptyBatchIsAnEmptyResult() {
    assertThat(client(2).submitAll(List.of()).outcomes()).isEmpty();
  }
}
