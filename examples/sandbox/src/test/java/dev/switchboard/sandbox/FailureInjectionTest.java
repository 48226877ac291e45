package dev.switchboard.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.futwork.lead.LeadClient;
import dev.switchboard.futwork.lead.LeadReceipt;
import dev.switchboard.futwork.lead.WorkflowLead;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FailureInjectionTest {

  private static final Map<String, String> KEY = Map.of("x-api-key", "k");
  private static final String LEAD =
      "{\"recipientPhoneNumber\":\"9999789877\",\"recipientData\":{},\"referenceId\":\"R-1\"}";

  private TestReceiver receiver;
  private Sandbox sandbox;
  private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

  @BeforeEach
  void receiver() throws Exception {
    receiver = new TestReceiver();
  }

  @AfterEach
  void stop() {
    if (sandbox != null) {
      sandbox.close();
    }
    receiver.close();
  }

  private Client start(FailureInjection failures) {
    sandbox =
        Sandbox.builder()
            .futworkApiKey("k")
            .futworkCallbackUrl(receiver.url("/hook"))
            .callDelay(Duration.ZERO, Duration.ZERO)
            .deliveryRetry(3, Duration.ZERO, Duration.ZERO)
            .failures(failures)
            .sleeper(sleeps::add)
            .start();
    return new Client(sandbox);
  }

  @Test
  void answers503WithRetryAfterButNeverMoreThanTwiceInARow() throws Exception {
    Client client =
        start(FailureInjection.none().withUnavailable(1.0).withRetryAfter(Duration.ofSeconds(2)));

    Client.Answer first = client.post("/omni/api/workflows/wf/leads", LEAD, KEY);
    Client.Answer second = client.post("/omni/api/workflows/wf/leads", LEAD, KEY);
    Client.Answer third = client.post("/omni/api/workflows/wf/leads", LEAD, KEY);

    assertThat(first.status()).isEqualTo(503);
    assertThat(first.header("Retry-After")).isEqualTo("2");
    assertThat(first.json().path("message").asText()).contains("retry after 2 s");
    assertThat(second.status()).isEqualTo(503);
    assertThat(third.status()).isEqualTo(200);
    assertThat(sandbox.acceptedLeads()).isEqualTo(1);
  }

  @Test
  void answers429WithRetryAfter() throws Exception {
    Client client = start(FailureInjection.none().withRateLimited(1.0));

    Client.Answer answer = client.post("/platform/api/campaigns/c/leads", LEAD, KEY);

    assertThat(answer.status()).isEqualTo(429);
    assertThat(answer.header("Retry-After")).isEqualTo("1");
  }

  @Test
  void theSdkClientGetsThroughABadDayByRetrying() {
    start(FailureInjection.none().withUnavailable(0.5).withRateLimited(0.5));
    List<Long> waits = new ArrayList<>();
    LeadClient leads =
        LeadClient.builder()
            .apiKey("k")
            .workflowsBaseUrl(sandbox.futworkWorkflowsBaseUrl())
            .sleeper(waits::add)
            .build();

    LeadReceipt receipt =
        leads.submitToWorkflow("wf", WorkflowLead.of("9999789877", Map.of(), "R-2"));

    assertThat(receipt.attempts()).isEqualTo(3);
    assertThat(waits).containsExactly(1000L, 1000L);
  }

  @Test
  void slowAnswersWaitTheConfiguredDelay() throws Exception {
    Client client = start(FailureInjection.none().withSlow(1.0, Duration.ofSeconds(4)));

    Client.Answer answer = client.post("/omni/api/workflows/wf/leads", LEAD, KEY);

    assertThat(answer.status()).isEqualTo(200);
    assertThat(sleeps).containsExactly(Duration.ofSeconds(4));
  }

  @Test
  void duplicatesSendTheSameDeliveryTwice() throws Exception {
    Client client = start(FailureInjection.none().withDuplicates(1.0));

    client.post(
        "/platform/api/campaigns/c/leads",
        "{\"recipientPhoneNumber\":\"9999789877\",\"recipientData\":{}}",
        KEY);
    List<TestReceiver.Received> two = receiver.next(2);

    assertThat(new String(two.get(1).body())).isEqualTo(new String(two.get(0).body()));
  }

  @Test
  void outOfOrderSendsAWorkflowCallsFinalStageBeforeItsIntermediateOne() throws Exception {
    Map<String, List<Boolean>> inOrder = terminalFlags(FailureInjection.none());
    sandbox.close();
    receiver.close();
    receiver = new TestReceiver();
    Map<String, List<Boolean>> reversed = terminalFlags(FailureInjection.none().withOutOfOrder(1));

    assertThat(inOrder.values()).contains(List.of(false, true));
    assertThat(inOrder.values()).doesNotContain(List.of(true, false));
    assertThat(reversed.values()).contains(List.of(true, false));
    assertThat(reversed.values()).doesNotContain(List.of(false, true));
  }

  /** Submits 12 leads and returns, per reference, the isTerminal flags in arrival order. */
  private Map<String, List<Boolean>> terminalFlags(FailureInjection failures) throws Exception {
    Client client = start(failures);
    Map<String, List<Boolean>> flags = new LinkedHashMap<>();
    for (int i = 0; i < 12; i++) {
      assertThat(
              client
                  .post("/omni/api/workflows/wf/leads", LEAD.replace("R-1", "R-" + i), KEY)
                  .status())
          .isEqualTo(200);
    }
    int terminal = 0;
    while (terminal < 12) {
      JsonNode json = receiver.next().json();
      flags
          .computeIfAbsent(json.path("referenceId").asText(), k -> new ArrayList<>())
          .add(json.path("isTerminal").asBoolean());
      if (json.path("isTerminal").asBoolean()) {
        terminal++;
      }
    }
    for (int i = 0; i < 2000 && !sandbox.idle(); i++) {
      Thread.sleep(10);
    }
    for (TestReceiver.Received late : receiver.drain()) {
      flags
          .get(late.json().path("referenceId").asText())
          .add(late.json().path("isTerminal").asBoolean());
    }
    return flags;
  }

  @Test
  void sharesMustBeBetweenZeroAndOne() {
    assertThatThrownBy(() -> FailureInjection.none().withDuplicates(1.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("duplicateShare");
  }
}
