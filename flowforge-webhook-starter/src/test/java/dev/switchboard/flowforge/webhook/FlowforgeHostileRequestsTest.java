package dev.switchboard.flowforge.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.core.json.internal.Json;
import dev.switchboard.core.testing.Fixtures;
import dev.switchboard.core.testing.HostileRequests;
import dev.switchboard.core.testing.ReceiverClient;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.Environment;
import org.springframework.web.multipart.MultipartResolver;

/**
 * The hostile-request catalogue against the Flowforge receiver, authenticated by the URL token as
 * Flowforge's dashboard allows, with multipart handling on: no 5xx, no stack trace, nothing
 * reflected, nothing published from refused requests, and the receiver keeps serving.
 */
@SpringBootTest(
    classes = TestApp.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "flowforge.webhook.secret=" + FlowforgeHostileRequestsTest.SECRET)
@ExtendWith(OutputCaptureExtension.class)
class FlowforgeHostileRequestsTest {

  static final String SECRET = "ff-hostile-s3cret-value";

  static final List<String> FIELDS =
      List.of("id", "event", "object", "created_at", "data", "conversation_id", "field_values");

  @Autowired Recorder recorder;
  @Autowired Environment environment;
  @Autowired ObjectProvider<MultipartResolver> multipart;
  HostileRequests hostile;
  ReceiverClient http;

  @BeforeEach
  void setUp() {
    recorder.reset();
    int port = environment.getRequiredProperty("local.server.port", Integer.class);
    http = new ReceiverClient(port, "/webhooks/flowforge", "X-Webhook-Secret", SECRET);
    hostile =
        new HostileRequests(
            port, "/webhooks/flowforge", "token=" + HostileRequests.encode(SECRET), b -> Map.of());
  }

  static byte[] closed() {
    try {
      ObjectNode node =
          (ObjectNode)
              Json.mapper().readTree(Fixtures.payload("flowforge-conversation-closed.json"));
      node.put("id", UUID.randomUUID().toString());
      return Json.mapper().writeValueAsBytes(node);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private void stillServing() {
    int before = recorder.family.size();
    assertThat(http.deliver(closed()).statusCode()).isEqualTo(200);
    assertThat(recorder.family).hasSize(before + 1);
  }

  @Test
  void everyCategoryIsAnsweredSafely(CapturedOutput output) {
    assertThat(multipart.getIfAvailable()).as("multipart handling is on").isNotNull();
    hostile.everyCategory(FIELDS);
    hostile.assertAllSafe();
    assertThat(output.getAll()).doesNotContain(SECRET).doesNotContain("\tat dev.switchboard");
    stillServing();
  }

  @Test
  void refusedContentTypesAndNonObjectsPublishNothing() {
    hostile.refusedContentTypes();
    hostile.nonObjects();
    hostile.assertAllSafe();
    assertThat(recorder.family).isEmpty();
    stillServing();
  }

  @Test
  void jsonUnderOtherLabelsIsHandled() {
    hostile.acceptedContentTypes(FlowforgeHostileRequestsTest::closed);
    hostile.assertAllSafe();
    assertThat(recorder.family).hasSize(7);
  }

  @Test
  void wrongMissingAndMalformedCredentialsAre401() {
    hostile.auth(HostileRequests.wrongSharedSecrets("/webhooks/flowforge", SECRET));
    hostile.assertAllSafe();
    assertThat(recorder.family).isEmpty();
    stillServing();
  }
}
