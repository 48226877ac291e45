package dev.switchboard.futwork.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.core.json.internal.Json;
import dev.switchboard.core.testing.Fixtures;
import dev.switchboard.core.testing.HostileRequests;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.Environment;
import org.springframework.web.multipart.MultipartResolver;

/**
 * The hostile-request catalogue against the Futwork receiver, authenticated by the URL token as a
 * dashboard-configured sender is, in an application where multipart handling is on (Boot's
 * default): no 5xx, no stack trace, nothing reflected, nothing published from refused requests, and
 * the receiver keeps serving.
 */
@SpringBootTest(
    classes = TestApp.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "futwork.webhook.secret=" + Http.SECRET)
@ExtendWith(OutputCaptureExtension.class)
class FutworkHostileRequestsTest {

  static final List<String> FIELDS =
      List.of(
          "callSid",
          "campaignId",
          "telephonyData",
          "contextDetails",
          "transcript",
          "extractedData",
          "referenceId",
          "workflowId",
          "stage",
          "isTerminal",
          "collectedData",
          "conversationMinutes",
          "recipientData");

  @Autowired Recorder recorder;
  @Autowired Environment environment;
  @Autowired org.springframework.beans.factory.ObjectProvider<MultipartResolver> multipart;
  HostileRequests hostile;
  Http http;
  int port;

  @BeforeEach
  void setUp() {
    recorder.reset();
    port = Integer.parseInt(environment.getRequiredProperty("local.server.port"));
    http = new Http(port);
    hostile =
        new HostileRequests(
            port,
            "/webhooks/futwork",
            "token=" + HostileRequests.encode(Http.SECRET),
            b -> Map.of());
  }

  static byte[] campaign() {
    try {
      ObjectNode node =
          (ObjectNode) Json.mapper().readTree(Fixtures.payload("futwork-campaign-post-call.json"));
      node.put("callSid", UUID.randomUUID().toString());
      return Json.mapper().writeValueAsBytes(node);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private void stillServing() {
    int before = recorder.campaigns.size();
    assertThat(http.deliver(campaign()).statusCode()).isEqualTo(200);
    assertThat(recorder.campaigns).hasSize(before + 1);
  }

  @Test
  void everyCategoryIsAnsweredSafely(CapturedOutput output) {
    assertThat(multipart.getIfAvailable()).as("multipart handling is on").isNotNull();
    hostile.everyCategory(FIELDS);
    hostile.assertAllSafe();
    assertThat(output.getAll()).doesNotContain(Http.SECRET).doesNotContain("\tat dev.switchboard");
    stillServing();
  }

  @Test
  void refusedContentTypesAndNonObjectsPublishNothing() {
    hostile.refusedContentTypes();
    hostile.nonObjects();
    hostile.assertAllSafe();
    assertThat(recorder.handled).isEmpty();
    stillServing();
  }

  @Test
  void jsonUnderOtherLabelsIsHandled() {
    hostile.acceptedContentTypes(FutworkHostileRequestsTest::campaign);
    hostile.assertAllSafe();
    assertThat(recorder.campaigns).hasSize(7);
  }

  @Test
  void wrongMissingAndMalformedCredentialsAre401() {
    hostile.auth(HostileRequests.wrongSharedSecrets("/webhooks/futwork", Http.SECRET));
    hostile.assertAllSafe();
    assertThat(recorder.handled).isEmpty();
    stillServing();
  }
}
