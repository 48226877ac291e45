package dev.switchboard.flowforge.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.core.json.internal.Json;
import dev.switchboard.core.testing.Fixtures;
import dev.switchboard.core.testing.ReceiverClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.Environment;

/** The Flowforge receiver over real HTTP: fixtures, spellings, oddities, auth and deduplication. */
@SpringBootTest(
    classes = TestApp.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "flowforge.webhook.secret=" + FlowforgeReceiverTest.SECRET)
@ExtendWith(OutputCaptureExtension.class)
class FlowforgeReceiverTest {

  static final String SECRET = "ff-shared-s3cret-value";

  @Autowired Recorder recorder;
  @Autowired Environment environment;

  ReceiverClient http;

  @BeforeEach
  void setUp() {
    recorder.reset();
    http =
        new ReceiverClient(
            environment.getRequiredProperty("local.server.port", Integer.class),
            "/webhooks/flowforge",
            "X-Webhook-Secret",
            SECRET);
  }

  /** A fixture with a fresh id, so deliveries of the same sample are not deduplicated. */
  static ObjectNode fixture(String name) throws Exception {
    ObjectNode node = (ObjectNode) Json.mapper().readTree(Fixtures.payload(name));
    node.put("id", UUID.randomUUID().toString());
    return node;
  }

  HttpResponse<String> deliver(ObjectNode body) throws Exception {
    return http.deliver(Json.mapper().writeValueAsBytes(body));
  }

  @Test
  void capturedFormFixtureArrivesAsItsRecord() throws Exception {
    byte[] sample = Fixtures.payload("flowforge-captured-form-created.json");
    assertThat(http.deliver(sample).statusCode()).isEqualTo(200);

    assertThat(recorder.typed).singleElement().isInstanceOf(CapturedFormCreated.class);
    CapturedFormCreated form = (CapturedFormCreated) recorder.typed.get(0);
    assertThat(form.id()).isEqualTo("018eb05e-7efd-7bef-a765-7bccbd9f39d9");
    assertThat(form.event()).isEqualTo("capturedform.created");
    assertThat(form.object()).isEqualTo("event");
    assertThat(form.createdAt()).isEqualTo("2024-04-05 22:26:08");
    assertThat(form.createdAtInstant()).contains(Instant.parse("2024-04-05T22:26:08Z"));
    assertThat(form.data().formId()).isEqualTo("018eaff3-67cb-7d86-bb5e-65c952c8dc2a");
    assertThat(form.data().formName()).isEqualTo("Algoscale Leads");
    assertThat(form.data().widgetId()).isEqualTo("018cd9c9-a864-7de1-98c0-6478c74b9c2b");
    assertThat(form.data().assistantId()).isEqualTo("018cd9c8-e317-7079-accd-17be51784256");
    assertThat(form.data().fieldValues())
        .containsExactly(
            Map.entry("name", "Smith Stevens"),
            Map.entry("email", "smith@gmail.com"),
            Map.entry("query", "flask developer"));
    assertThat(form.data().conversationId()).isEqualTo("018eb05d-cf6c-7631-8992-fd8377db4145");
    assertThat(form.data().capturedFormId()).isEqualTo("018eb05e-7177-7374-af12-66132614cb9f");
    assertThat(form.delivery().idempotencyKey()).isEqualTo(form.id());
    assertThat(form.delivery().body()).isEqualTo(sample);
    assertThat(form.delivery().header("X-Webhook-Secret")).isEmpty();
    assertThat(recorder.family).containsExactly(form);
  }

  @Test
  void capturedIntentFixtureArrivesAsItsRecord() throws Exception {
    assertThat(
            http.deliver(Fixtures.payload("flowforge-captured-intent-created.json")).statusCode())
        .isEqualTo(200);

    CapturedIntentCreated intent = (CapturedIntentCreated) recorder.typed.get(0);
    assertThat(intent.id()).isEqualTo("012ec784-e78d-80c2-a729-101c148de8c2");
    assertThat(intent.data().intentId()).isEqualTo("023eca5e-a584-1002-960d-4857d7d28c67");
    assertThat(intent.data().intentName()).isEqualTo("SALES");
    assertThat(intent.data().chatCount()).isEqualTo(2);
    assertThat(intent.data().deviceType()).isEqualTo("mobile");
    assertThat(intent.data().widgetId()).isEqualTo("018eb656-5692-7a92-836b-80e2cd1eca56");
    assertThat(intent.data().assistantId()).isEqualTo("018eb657-5027-7a36-ad61-77e2bd4ec683");
    // 35 characters: not a well-formed UUID, kept as it is
    assertThat(intent.data().conversationId()).isEqualTo("019ec453-1017-2567-904d-ff39862b334");
    assertThat(intent.createdAtInstant()).contains(Instant.parse("2024-04-10T18:16:50Z"));
  }

  @Test
  void conversationClosedFixtureArrivesAsItsRecord() throws Exception {
    assertThat(http.deliver(Fixtures.payload("flowforge-conversation-closed.json")).statusCode())
        .isEqualTo(200);

    ConversationClosed closed = (ConversationClosed) recorder.typed.get(0);
    assertThat(closed.id()).isEqualTo("018ec93a-1393-7002-a528-199c149be8e3");
    assertThat(closed.event()).isEqualTo("conversation.closed");
    assertThat(closed.data().widgetId()).isEqualTo("018eb657-e189-7219-960d-4535d7d24d99");
    assertThat(closed.data().chatCount()).isEqualTo(2);
    assertThat(closed.data().contactId()).isEqualTo("None");
    assertThat(closed.data().contactIdIfPresent()).isEmpty();
    assertThat(closed.data().deviceType()).isEqualTo("desktop");
    assertThat(closed.data().assistantId()).isEqualTo("018eb657-5027-7a36-836b-77e2cd1ec683");
    assertThat(closed.data().firstMessage()).isEqualTo("User: hi may i know how much is flu jab");
    assertThat(closed.data().conversationId()).isEqualTo("018ec933-3037-7469-80d8-ff393043b889");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "captured_form.created",
        "capturedform.created",
        "captured_intent.created",
        "capturedintent.created",
        "Captured_Form.Created"
      })
  void bothSpellingsOfEachEventNameReachTheTypedAndTheFamilyListener(String name) throws Exception {
    String fixture =
        name.toLowerCase().contains("form")
            ? "flowforge-captured-form-created.json"
            : "flowforge-captured-intent-created.json";
    ObjectNode body = fixture(fixture);
    body.put("event", name);

    assertThat(deliver(body).statusCode()).isEqualTo(200);

    Class<?> type =
        fixture.contains("form") ? CapturedFormCreated.class : CapturedIntentCreated.class;
    assertThat(recorder.typed).singleElement().isInstanceOf(type);
    assertThat(recorder.family).singleElement().isInstanceOf(type);
    assertThat(recorder.family.get(0).event()).isEqualTo(name);
  }

  @Test
  void anUnknownEventReachesItsListenerWithItsDataIntact() throws Exception {
    ObjectNode body = fixture("flowforge-conversation-closed.json");
    body.put("event", "conversation.rated");
    ObjectNode data = body.putObject("data");
    data.put("rating", 5);
    data.putNull("comment");
    data.putObject("by").put("contact_id", "c-1");

    assertThat(deliver(body).statusCode()).isEqualTo(200);

    assertThat(recorder.typed).singleElement().isInstanceOf(UnknownFlowforgeEvent.class);
    UnknownFlowforgeEvent unknown = (UnknownFlowforgeEvent) recorder.typed.get(0);
    assertThat(unknown.event()).isEqualTo("conversation.rated");
    assertThat(unknown.data()).containsEntry("rating", 5).containsEntry("comment", null);
    assertThat(unknown.data().get("by")).isEqualTo(Map.of("contact_id", "c-1"));
    assertThat(recorder.family).containsExactly(unknown);
  }

  @Test
  void timestampsInBothFormsAndMissingOnes() throws Exception {
    String[][] cases = {
      {"2024-04-10 18:16:50", "2024-04-10T18:16:50Z"},
      {"2024-04-10 18:16:50.250", "2024-04-10T18:16:50.250Z"},
      {"2024-04-10T18:16:50Z", "2024-04-10T18:16:50Z"},
      {"2024-04-10T23:46:50+05:30", "2024-04-10T18:16:50Z"},
      {"2024-04-10T18:16:50", "2024-04-10T18:16:50Z"},
    };
    for (String[] c : cases) {
      recorder.reset();
      ObjectNode body = fixture("flowforge-conversation-closed.json");
      body.put("created_at", c[0]);
      assertThat(deliver(body).statusCode()).isEqualTo(200);
      FlowforgeEvent event = recorder.family.get(0);
      assertThat(event.createdAt()).isEqualTo(c[0]);
      assertThat(event.createdAtInstant()).as(c[0]).contains(Instant.parse(c[1]));
    }
    for (String odd : new String[] {null, "", "yesterday"}) {
      recorder.reset();
      ObjectNode body = fixture("flowforge-conversation-closed.json");
      if (odd == null) {
        body.remove("created_at");
      } else {
        body.put("created_at", odd);
      }
      assertThat(deliver(body).statusCode()).isEqualTo(200);
      assertThat(recorder.family.get(0).createdAtInstant()).as(String.valueOf(odd)).isEmpty();
    }
  }

  @Test
  void contactIdsOfNoneOrEmptyAreAbsent() throws Exception {
    for (String contact : new String[] {"None", "", "none", "c-42"}) {
      recorder.reset();
      ObjectNode body = fixture("flowforge-conversation-closed.json");
      ((ObjectNode) body.get("data")).put("contact_id", contact);
      assertThat(deliver(body).statusCode()).isEqualTo(200);
      ConversationClosed closed = (ConversationClosed) recorder.typed.get(0);
      assertThat(closed.data().contactId()).isEqualTo(contact);
      assertThat(closed.data().contactIdIfPresent().orElse(null))
          .isEqualTo(contact.equals("c-42") ? "c-42" : null);
    }
  }

  @Test
  void extraFieldsAndOddValuesNeverFailADelivery() throws Exception {
    ObjectNode body = fixture("flowforge-captured-intent-created.json");
    body.put("api_version", "2025-01");
    ObjectNode data = (ObjectNode) body.get("data");
    data.put("chat_count", "7");
    data.put("sentiment", "positive");
    data.put("conversation_id", "not-a-uuid");
    ObjectNode form = fixture("flowforge-captured-form-created.json");
    ObjectNode values = (ObjectNode) form.get("data").get("field_values");
    values.put("age", 31);
    values.putArray("tags").add("a").add("b");
    values.putNull("phone");

    assertThat(deliver(body).statusCode()).isEqualTo(200);
    assertThat(deliver(form).statusCode()).isEqualTo(200);

    CapturedIntentCreated intent = (CapturedIntentCreated) recorder.typed.get(0);
    assertThat(intent.data().chatCount()).isEqualTo(7);
    assertThat(intent.data().conversationId()).isEqualTo("not-a-uuid");
    assertThat(intent.delivery().rawJson()).contains("\"sentiment\":\"positive\"", "api_version");
    CapturedFormCreated captured = (CapturedFormCreated) recorder.typed.get(1);
    assertThat(captured.data().fieldValues())
        .containsEntry("age", "31")
        .containsEntry("tags", "[\"a\",\"b\"]")
        .containsEntry("phone", null);
  }

  @Test
  void aMissingDataObjectIsAClear400AndNothingIsPublished() throws Exception {
    ObjectNode body = fixture("flowforge-captured-form-created.json");
    body.remove("data");

    HttpResponse<String> response = deliver(body);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    assertThat(response.body()).contains("no 'data' object");
    assertThat(recorder.family).isEmpty();
  }

  @Test
  void theDocumentsSampleAsPrintedWithTypographicQuotesIsNotJson() throws Exception {
    String printed =
        "{\n\u201cid\u201d: \u201c018ec93a-1393-7002-a528-199c149be8e3\",\n"
            + "\u201cdata\u201d: {\n\u201ccontact_id\u201d: \u201cNone\u201d\n},\n"
            + "\u201cevent\u201d: \u201cconversation.closed\u201d,\n"
            + "\u201cobject\u201d: \u201cevent\u201d,\n"
            + "\u201ccreated_at\u201d: \u201c2024-04-10 18:16:50\"\n}";

    HttpResponse<String> response = http.deliver(printed.getBytes(StandardCharsets.UTF_8));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("not valid JSON").doesNotContain("018ec93a");
    assertThat(recorder.family).isEmpty();
    // and the application keeps serving
    assertThat(deliver(fixture("flowforge-conversation-closed.json")).statusCode()).isEqualTo(200);
  }

  @Test
  void deliveriesWithoutTheRightSecretAreRefused(CapturedOutput output) throws Exception {
    byte[] body = Json.mapper().writeValueAsBytes(fixture("flowforge-conversation-closed.json"));
    HttpResponse<String> missing =
        ReceiverClient.send(
            http.request("/webhooks/flowforge")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build());
    HttpResponse<String> wrong =
        ReceiverClient.send(
            http.request("/webhooks/flowforge")
                .header("Content-Type", "application/json")
                .header("X-Webhook-Secret", "ff-shared-s3cret-valuX")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build());

    assertThat(missing.statusCode()).isEqualTo(401);
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(wrong.body()).doesNotContain(SECRET).doesNotContain("valuX");
    assertThat(recorder.family).isEmpty();
    assertThat(http.deliver(body).statusCode()).isEqualTo(200);
    assertThat(output.getAll()).doesNotContain(SECRET);
  }

  @Test
  void theEnvelopeIdDeduplicatesAndAFailedHandlingIsRetried() throws Exception {
    byte[] body =
        Json.mapper().writeValueAsBytes(fixture("flowforge-captured-intent-created.json"));
    recorder.failuresToInject.set(1);

    assertThat(http.deliver(body).statusCode()).isEqualTo(500);
    assertThat(recorder.family).isEmpty();
    assertThat(http.deliver(body).statusCode()).isEqualTo(200);
    assertThat(recorder.family).hasSize(1);
    HttpResponse<String> duplicate = http.deliver(body);
    assertThat(duplicate.statusCode()).isEqualTo(200);
    assertThat(recorder.family).hasSize(1);

    // the same id with another body is the same delivery: the id is the key
    ObjectNode changed = (ObjectNode) Json.mapper().readTree(body);
    changed.put("object", "event-retry");
    assertThat(http.deliver(Json.mapper().writeValueAsBytes(changed)).statusCode()).isEqualTo(200);
    assertThat(recorder.family).hasSize(1);
  }
}
