package dev.switchboard.futwork.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.core.json.internal.Json;
import dev.switchboard.core.testing.Fixtures;
import dev.switchboard.core.webhook.WebhookRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.Environment;

/**
 * Deduplication and acknowledgement over real HTTP; run once with the in-memory store and once with
 * the JDBC store on H2, which must give the same results.
 */
@ExtendWith(OutputCaptureExtension.class)
abstract class DeliverySemanticsContract {

  @Autowired Recorder recorder;
  @Autowired Environment environment;
  Http http;

  @BeforeEach
  void setUp() {
    recorder.reset();
    http = new Http(Integer.parseInt(environment.getRequiredProperty("local.server.port")));
  }

  static byte[] campaign(String callSid, String transcript) throws Exception {
    ObjectNode node =
        (ObjectNode) Json.mapper().readTree(Fixtures.payload("futwork-campaign-post-call.json"));
    node.put("callSid", callSid);
    node.put("transcript", transcript);
    return Json.mapper().writeValueAsBytes(node);
  }

  @Test
  void listenerFailingOnceThenSucceedingOnRetryHandlesExactlyOnce(CapturedOutput output)
      throws Exception {
    String callSid = UUID.randomUUID().toString();
    byte[] body = campaign(callSid, "private transcript text 4711");
    recorder.failuresToInject.set(1);

    HttpResponse<String> first = http.deliver(body);
    assertThat(first.statusCode()).isEqualTo(500);
    assertThat(first.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
    assertThat(first.body()).doesNotContain("listener failed on purpose", "Exception", callSid);
    assertThat(recorder.handled).isEmpty();

    HttpResponse<String> retry = http.deliver(body);
    assertThat(retry.statusCode()).isEqualTo(200);
    assertThat(recorder.handled).hasSize(1);

    HttpResponse<String> again = http.deliver(body);
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(again.body()).contains("duplicate");
    assertThat(recorder.handled).hasSize(1);

    // logged with the delivery key (the body's hash), never the body or the secret
    assertThat(output.getAll())
        .contains(WebhookRequest.sha256Hex(body))
        .contains("released for the platform's retry");
    assertThat(output.getAll()).doesNotContain("private transcript text 4711", Http.SECRET);
  }

  @Test
  void duplicateAfterSuccessIsAcknowledgedButNotPublishedAgain() throws Exception {
    byte[] body = campaign(UUID.randomUUID().toString(), "hello");
    assertThat(http.deliver(body).statusCode()).isEqualTo(200);
    HttpResponse<String> duplicate = http.deliver(body);
    assertThat(duplicate.statusCode()).isEqualTo(200);
    assertThat(duplicate.body()).contains("duplicate");
    assertThat(recorder.handled).hasSize(1);
    assertThat(recorder.campaigns).hasSize(1);
  }

  @Test
  void anUpdateForTheSameCallSidIsANewDeliveryAndOnlyAnExactResendIsADuplicate() throws Exception {
    String callSid = UUID.randomUUID().toString();
    ObjectNode first = (ObjectNode) Json.mapper().readTree(campaign(callSid, "hello"));
    first.put("status", "call-disconnected").put("disposition", "").putNull("extractedData");
    ObjectNode update = first.deepCopy();
    update.put("status", "completed").put("disposition", "interested");
    update.putObject("extractedData").put("budget", "high");
    byte[] firstBytes = Json.mapper().writeValueAsBytes(first);
    byte[] updateBytes = Json.mapper().writeValueAsBytes(update);

    HttpResponse<String> one = http.deliver(firstBytes);
    HttpResponse<String> two = http.deliver(updateBytes);
    HttpResponse<String> resend = http.deliver(updateBytes);

    assertThat(one.body()).isEqualTo("{\"status\":\"handled\"}");
    assertThat(two.body()).isEqualTo("{\"status\":\"handled\"}");
    assertThat(resend.statusCode()).isEqualTo(200);
    assertThat(resend.body()).isEqualTo("{\"status\":\"duplicate\"}");
    assertThat(recorder.campaigns).hasSize(2);
    assertThat(recorder.campaigns).extracting(CampaignPostCall::callSid).containsOnly(callSid);
    assertThat(recorder.campaigns)
        .extracting(CampaignPostCall::status)
        .containsExactly("call-disconnected", "completed");
    assertThat(recorder.campaigns.get(1).extractedDataOrEmpty()).containsEntry("budget", "high");
  }

  static byte[] workflow(String referenceId, String stage, boolean terminal, String disposition)
      throws Exception {
    return Json.mapper()
        .writeValueAsBytes(
            Json.mapper()
                .createObjectNode()
                .put("referenceId", referenceId)
                .put("workflowId", "wf_1")
                .put("stage", stage)
                .put("isTerminal", terminal)
                .put("disposition", disposition));
  }

  @Test
  void aWorkflowStageUpdateForTheSameReferenceIdIsANewDelivery() throws Exception {
    String referenceId = "AWB-" + UUID.randomUUID();
    byte[] intermediate = workflow(referenceId, "retry_1", false, "no_answer");
    byte[] terminal = workflow(referenceId, "postback_core", true, "interested");
    assertThat(http.deliver(intermediate).body()).contains("handled");
    assertThat(http.deliver(terminal).body()).contains("handled");
    assertThat(http.deliver(terminal).body()).contains("duplicate");
    assertThat(http.deliver(intermediate).body()).contains("duplicate");
    assertThat(recorder.workflows)
        .extracting(WorkflowPostCall::referenceId)
        .containsExactly(referenceId, referenceId);
    assertThat(recorder.workflows)
        .extracting(WorkflowPostCall::stage)
        .containsExactly("retry_1", "postback_core");
  }

  @Test
  void workflowDeliveriesAreDeduplicatedByTheirBodyHash() throws Exception {
    byte[] body =
        ("{\"workflowId\":\"wf_1\",\"stage\":\"s\",\"referenceId\":\"" + UUID.randomUUID() + "\"}")
            .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    assertThat(http.deliver(body).statusCode()).isEqualTo(200);
    assertThat(http.deliver(body).statusCode()).isEqualTo(200);
    assertThat(recorder.workflows).hasSize(1);
  }

  @Test
  void twoIdenticalDeliveriesAtTheSameMomentGiveOneEventAndOne409() throws Exception {
    byte[] body = campaign(UUID.randomUUID().toString(), "concurrent");
    CountDownLatch gate = new CountDownLatch(1);
    CountDownLatch entered = new CountDownLatch(1);
    recorder.hold(gate, entered);

    CompletableFuture<HttpResponse<String>> first = http.deliverAsync(body);
    assertThat(entered.await(60, TimeUnit.SECONDS)).isTrue();
    // the first is inside the listener right now
    HttpResponse<String> second = http.deliver(body);
    gate.countDown();
    HttpResponse<String> firstResponse = first.get(60, TimeUnit.SECONDS);

    assertThat(second.statusCode()).isEqualTo(409);
    assertThat(second.headers().firstValue("Retry-After")).isPresent();
    assertThat(second.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
    assertThat(firstResponse.statusCode()).isEqualTo(200);
    assertThat(recorder.handled).hasSize(1);

    // once the first is handled, the platform's retry of the 409 is a duplicate
    recorder.hold(null, null);
    assertThat(http.deliver(body).body()).contains("duplicate");
    assertThat(recorder.handled).hasSize(1);
  }
}
