package dev.switchboard.futwork.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.core.json.internal.Json;
import dev.switchboard.core.testing.Fixtures;
import dev.switchboard.core.webhook.WebhookPayloadException;
import dev.switchboard.core.webhook.WebhookRequest;
import dev.switchboard.futwork.webhook.internal.FutworkPayloadParser;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** A transcript reads like a string; a received one is decoded from the body when first read. */
class TranscriptTest {

  private static final String TEXT =
      "assistant: \"Namaste\" — नमस्ते 🚚\\path/ \t tab\nuser: ok\u0001\n";

  private static byte[] campaign(String transcriptJson) {
    String body =
        "{\"callSid\":\"sid-1\",\"campaignId\":\"c\",\"transcript\":"
            + transcriptJson
            + ",\"disposition\":\"done\"}";
    return body.getBytes(StandardCharsets.UTF_8);
  }

  private static CampaignPostCall received(byte[] body) {
    return (CampaignPostCall)
        new FutworkPayloadParser()
            .parse(
                new WebhookRequest(
                    "futwork", body, Map.of(), Map.of(), "127.0.0.1", Instant.EPOCH, Set.of()))
            .event();
  }

  @Test
  void readsLikeTheStringItHolds() {
    Transcript t = Transcript.of("user: hello\n");
    assertThat(t.text()).isEqualTo("user: hello\n");
    assertThat(t.toString()).isEqualTo("user: hello\n");
    assertThat(t.length()).isEqualTo(12);
    assertThat(t.charAt(0)).isEqualTo('u');
    assertThat(t.subSequence(6, 11).toString()).isEqualTo("hello");
    assertThat(Pattern.compile("hel+o").matcher(t).find()).isTrue();
    assertThat(Transcript.of("").isEmpty()).isTrue();
    assertThat(t).isEqualTo(Transcript.of("user: hello\n")).isNotEqualTo(Transcript.of("user"));
    assertThat(t).hasSameHashCodeAs(Transcript.of("user: hello\n"));
    assertThatThrownBy(() -> Transcript.of(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void aLazyTranscriptComputesItsTextOnceWhenFirstRead() {
    AtomicInteger calls = new AtomicInteger();
    Transcript t =
        Transcript.lazy(
            () -> {
              calls.incrementAndGet();
              return "user: hi";
            });
    assertThat(calls).hasValue(0);
    assertThat(t.length()).isEqualTo(8);
    assertThat(t.text()).isEqualTo("user: hi");
    assertThat(t).isEqualTo(Transcript.of("user: hi")).hasToString("user: hi");
    assertThat(calls).hasValue(1);
  }

  @Test
  void isAJsonStringBothWays() throws Exception {
    ObjectMapper mapper = Json.mapper();
    String json = mapper.writeValueAsString(Transcript.of(TEXT));
    assertThat(json).isEqualTo(mapper.writeValueAsString(TEXT));
    assertThat(mapper.readValue(json, Transcript.class)).isEqualTo(Transcript.of(TEXT));
  }

  @Test
  void aReceivedTranscriptDecodesExactlyAsJacksonDoes() throws Exception {
    String json = new ObjectMapper().writeValueAsString(TEXT);
    CampaignPostCall call = received(campaign(json));
    assertThat(call.transcript().text()).isEqualTo(TEXT);
    assertThat(call.disposition()).isEqualTo("done");
    assertThat(FutworkEvent.parse(campaign(json)))
        .isEqualTo(call.withDelivery(null))
        .extracting(e -> ((CampaignPostCall) e).transcript().text())
        .isEqualTo(TEXT);
  }

  @Test
  void aReceivedTranscriptIsDecodedFromTheBodyWhenFirstRead() {
    byte[] body = campaign("\"user: hello\"");
    CampaignPostCall call = received(body);
    // The receiver never changes a body it has parsed; changing it here shows when it is read.
    int at = new String(body, StandardCharsets.UTF_8).indexOf("hello");
    body[at] = 'j';
    assertThat(call.transcript().text()).isEqualTo("user: jello");
    body[at] = 'h';
    assertThat(call.transcript().text()).isEqualTo("user: jello");
  }

  @Test
  void parseKeepsItsOwnCopyOfTheBody() {
    byte[] body = campaign("\"user: hello\"");
    CampaignPostCall call = (CampaignPostCall) FutworkEvent.parse(body);
    body[new String(body, StandardCharsets.UTF_8).indexOf("hello")] = 'j';
    assertThat(call.transcript().text()).isEqualTo("user: hello");
  }

  @Test
  void aMalformedTranscriptIsRefusedOnArrivalNotWhenRead() {
    assertThatThrownBy(() -> FutworkEvent.parse(campaign("\"bad \\q escape\"")))
        .isInstanceOf(WebhookPayloadException.class);
    ByteArrayOutputStream invalidUtf8 = new ByteArrayOutputStream();
    invalidUtf8.writeBytes(
        "{\"callSid\":\"s\",\"transcript\":\"caf".getBytes(StandardCharsets.UTF_8));
    invalidUtf8.writeBytes(new byte[] {(byte) 0xC3, (byte) 0x28});
    invalidUtf8.writeBytes("\"}".getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(() -> FutworkEvent.parse(invalidUtf8.toByteArray()))
        .isInstanceOf(WebhookPayloadException.class);
    assertThatThrownBy(() -> FutworkEvent.parse(campaign("\"unterminated")))
        .isInstanceOf(WebhookPayloadException.class);
  }

  @Test
  void otherKindsOfValueAreReadAsText() {
    assertThat(received(campaign("2.5")).transcript()).isEqualTo(Transcript.of("2.5"));
    assertThat(received(campaign("null")).transcript()).isNull();
    assertThat(received(Fixtures.payload("futwork-campaign-post-call.json")).transcript().text())
        .endsWith("Have a great day!\n");
  }
}
