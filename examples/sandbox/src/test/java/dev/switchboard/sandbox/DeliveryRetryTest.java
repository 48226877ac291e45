package dev.switchboard.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.sandbox.DeliveryAttempt.Outcome;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DeliveryRetryTest {

  // a campaign lead: exactly one post-call delivery (no intermediate stage, no Flowforge URL)
  private static final String LEAD =
      "{\"recipientPhoneNumber\":\"9999789877\",\"recipientData\":{}}";
  private static final String PATH = "/platform/api/campaigns/c/leads";
  private static final Map<String, String> KEY = Map.of("x-api-key", "k");

  private TestReceiver receiver;
  private Sandbox sandbox;

  @BeforeEach
  void start() throws Exception {
    receiver = new TestReceiver();
  }

  @AfterEach
  void stop() {
    if (sandbox != null) {
      sandbox.close();
    }
    receiver.close();
  }

  private Sandbox start(String callbackUrl, int attempts) {
    sandbox =
        Sandbox.builder()
            .seed(3)
            .futworkApiKey("k")
            .futworkCallbackUrl(callbackUrl)
            .callDelay(Duration.ZERO, Duration.ZERO)
            .deliveryRetry(attempts, Duration.ZERO, Duration.ZERO)
            .start();
    return sandbox;
  }

  private List<DeliveryAttempt> attemptsWhenIdle() throws InterruptedException {
    for (int i = 0; i < 2000 && !sandbox.idle(); i++) {
      Thread.sleep(10);
    }
    assertThat(sandbox.idle()).as("deliveries finished").isTrue();
    return sandbox.deliveryAttempts();
  }

  @Test
  void retries5xxAnd409UntilTheReceiverAccepts() throws Exception {
    receiver.answer(503, 409, 500);
    start(receiver.url("/hook"), 5);

    assertThat(new Client(sandbox).post(PATH, LEAD, KEY).status()).isEqualTo(200);
    List<TestReceiver.Received> received = receiver.next(4);

    assertThat(received)
        .extracting(r -> new String(r.body()))
        .containsOnly(new String(received.get(0).body()));
    List<DeliveryAttempt> attempts = attemptsWhenIdle();
    assertThat(attempts)
        .extracting(DeliveryAttempt::status, DeliveryAttempt::outcome, DeliveryAttempt::attempt)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(503, Outcome.RETRYING, 1),
            org.assertj.core.groups.Tuple.tuple(409, Outcome.RETRYING, 2),
            org.assertj.core.groups.Tuple.tuple(500, Outcome.RETRYING, 3),
            org.assertj.core.groups.Tuple.tuple(200, Outcome.DELIVERED, 4));
    assertThat(attempts).extracting(DeliveryAttempt::key).containsOnly(attempts.get(0).key());
    assertThat(attempts.get(0).key()).isEqualTo(received.get(0).json().path("callSid").asText());
  }

  @Test
  void givesUpAfterTheLastAttempt() throws Exception {
    receiver.answer(503, 503, 503, 503);
    start(receiver.url("/hook"), 3);

    assertThat(new Client(sandbox).post(PATH, LEAD, KEY).status()).isEqualTo(200);
    receiver.next(3);

    List<DeliveryAttempt> attempts = attemptsWhenIdle();
    assertThat(attempts).hasSize(3);
    assertThat(attempts.get(2).outcome()).isEqualTo(Outcome.GAVE_UP);
    assertThat(receiver.drain()).isEmpty();
  }

  @Test
  void doesNotRetryAnAnswerARetryCannotFix() throws Exception {
    receiver.answer(401);
    start(receiver.url("/hook"), 5);

    assertThat(new Client(sandbox).post(PATH, LEAD, KEY).status()).isEqualTo(200);
    receiver.next();

    List<DeliveryAttempt> attempts = attemptsWhenIdle();
    assertThat(attempts)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.status()).isEqualTo(401);
              assertThat(a.outcome()).isEqualTo(Outcome.GAVE_UP);
            });
  }

  @Test
  void retriesWhenNobodyListens() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    start("http://127.0.0.1:" + closedPort + "/hook", 3);

    assertThat(new Client(sandbox).post(PATH, LEAD, KEY).status()).isEqualTo(200);

    List<DeliveryAttempt> attempts = attemptsWhenIdle();
    assertThat(attempts).hasSize(3);
    assertThat(attempts).allSatisfy(a -> assertThat(a.status()).isZero());
    assertThat(attempts).allSatisfy(a -> assertThat(a.error()).isNotBlank());
    assertThat(attempts)
        .extracting(DeliveryAttempt::outcome)
        .containsExactly(Outcome.RETRYING, Outcome.RETRYING, Outcome.GAVE_UP);
  }
}
