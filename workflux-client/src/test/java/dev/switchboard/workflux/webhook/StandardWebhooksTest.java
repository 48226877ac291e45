package dev.switchboard.workflux.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.core.Secret;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StandardWebhooksTest {

  static final String SECRET = "your_webhook_secret";
  static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  static final byte[] BODY =
      "{\"type\":\"conversation.completed\",\"data\":{\"conversation_id\":\"cv_1\"}}"
          .getBytes(StandardCharsets.UTF_8);

  final StandardWebhooks verifier = StandardWebhooks.builder().secret(SECRET).clock(CLOCK).build();

  static Map<String, List<String>> headers(Map<String, String> single) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    single.forEach((k, v) -> out.put(k, List.of(v)));
    return out;
  }

  static Map<String, List<String>> signed(String secret, Instant at, byte[] body) {
    return headers(WorkFluxWebhookSigner.of(secret).sign("msg_1", at, body));
  }

  /** An independent computation of the Standard Webhooks signature, not using the SDK's code. */
  static String reference(byte[] key, String id, long ts, byte[] body) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key, "HmacSHA256"));
    mac.update((id + "." + ts + ".").getBytes(StandardCharsets.UTF_8));
    return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(body));
  }

  @Test
  void aValidSignatureIsAcceptedWithItsIdAndTimestamp() throws Exception {
    Map<String, List<String>> h = new HashMap<>();
    h.put("webhook-id", List.of("msg_2KWPBgLlAfxdpx2AI54pPJ85f4W"));
    h.put("webhook-timestamp", List.of(Long.toString(NOW.getEpochSecond())));
    h.put(
        "webhook-signature",
        List.of(
            reference(
                SECRET.getBytes(StandardCharsets.UTF_8),
                "msg_2KWPBgLlAfxdpx2AI54pPJ85f4W",
                NOW.getEpochSecond(),
                BODY)));

    VerificationResult result = verifier.verify(h, BODY);

    assertThat(result.valid()).isTrue();
    assertThat(result.failure()).isNull();
    assertThat(result.id()).contains("msg_2KWPBgLlAfxdpx2AI54pPJ85f4W");
    assertThat(result.timestamp()).isEqualTo(NOW);
  }

  @Test
  void theSignerProducesWhatTheSpecificationSays() throws Exception {
    String expected =
        reference(SECRET.getBytes(StandardCharsets.UTF_8), "msg_1", NOW.getEpochSecond(), BODY);
    assertThat(WorkFluxWebhookSigner.of(SECRET).signature("msg_1", NOW, BODY)).isEqualTo(expected);
    assertThat(WorkFluxWebhookSigner.of(SECRET).sign("msg_1", NOW, BODY))
        .containsExactly(
            Map.entry("webhook-id", "msg_1"),
            Map.entry("webhook-timestamp", Long.toString(NOW.getEpochSecond())),
            Map.entry("webhook-signature", expected));
  }

  @Test
  void theStandardWebhooksSpecificationExampleVerifies() {
    // The example from the Standard Webhooks specification's reference libraries.
    String secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    String id = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    long ts = 1614265330;
    byte[] body = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);
    StandardWebhooks v =
        StandardWebhooks.builder()
            .secret(secret)
            .clock(Clock.fixed(Instant.ofEpochSecond(ts), ZoneOffset.UTC))
            .build();

    VerificationResult result =
        v.verify(
            Map.of(
                "webhook-id", List.of(id),
                "webhook-timestamp", List.of(Long.toString(ts)),
                "webhook-signature", List.of("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=")),
            body);

    assertThat(result.valid()).isTrue();
  }

  @Test
  void aWrongSecretIsAMismatch() {
    VerificationResult result = verifier.verify(signed("another-secret", NOW, BODY), BODY);

    assertThat(result.valid()).isFalse();
    assertThat(result.failure()).isEqualTo(VerificationFailure.MISMATCH);
    assertThat(result.message()).doesNotContain(SECRET).doesNotContain("another-secret");
    assertThat(result.id()).contains("msg_1");
  }

  @Test
  void aTamperedBodyIsAMismatch() {
    Map<String, List<String>> h = signed(SECRET, NOW, BODY);
    byte[] tampered = new String(BODY, StandardCharsets.UTF_8).replace("cv_1", "cv_2").getBytes();

    assertThat(verifier.verify(h, tampered).failure()).isEqualTo(VerificationFailure.MISMATCH);
    assertThat(verifier.verify(h, BODY).valid()).isTrue();
  }

  @Test
  void aTimestampSixMinutesOldIsStale() {
    VerificationResult result =
        verifier.verify(signed(SECRET, NOW.minus(Duration.ofMinutes(6)), BODY), BODY);

    assertThat(result.failure()).isEqualTo(VerificationFailure.STALE);
    assertThat(result.message()).contains("360 s behind");
  }

  @Test
  void aTimestampSixMinutesAheadIsStale() {
    VerificationResult result =
        verifier.verify(signed(SECRET, NOW.plus(Duration.ofMinutes(6)), BODY), BODY);

    assertThat(result.failure()).isEqualTo(VerificationFailure.STALE);
    assertThat(result.message()).contains("360 s ahead");
  }

  @Test
  void timestampsWithinTheToleranceAreAcceptedEitherWay() {
    assertThat(
            verifier.verify(signed(SECRET, NOW.minus(Duration.ofMinutes(5)), BODY), BODY).valid())
        .isTrue();
    assertThat(verifier.verify(signed(SECRET, NOW.plus(Duration.ofMinutes(5)), BODY), BODY).valid())
        .isTrue();
  }

  @Test
  void theToleranceIsConfigurable() {
    StandardWebhooks strict =
        StandardWebhooks.builder()
            .secret(SECRET)
            .clock(CLOCK)
            .tolerance(Duration.ofSeconds(30))
            .build();

    assertThat(strict.verify(signed(SECRET, NOW.minusSeconds(31), BODY), BODY).failure())
        .isEqualTo(VerificationFailure.STALE);
    assertThat(strict.verify(signed(SECRET, NOW.minusSeconds(29), BODY), BODY).valid()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"webhook-id", "webhook-timestamp", "webhook-signature"})
  void aMissingHeaderIsNamed(String missing) {
    Map<String, List<String>> h = new HashMap<>(signed(SECRET, NOW, BODY));
    h.remove(missing);

    VerificationResult result = verifier.verify(h, BODY);

    assertThat(result.failure()).isEqualTo(VerificationFailure.MISSING_HEADER);
    assertThat(result.message()).contains(missing);
  }

  @Test
  void blankHeadersCountAsMissing() {
    Map<String, List<String>> h = new HashMap<>(signed(SECRET, NOW, BODY));
    h.put("webhook-signature", List.of("  "));

    assertThat(verifier.verify(h, BODY).failure()).isEqualTo(VerificationFailure.MISSING_HEADER);
  }

  @Test
  void malformedHeadersAreReportedAsSuch() {
    Map<String, List<String>> h = new HashMap<>(signed(SECRET, NOW, BODY));
    h.put("webhook-timestamp", List.of("yesterday"));
    assertThat(verifier.verify(h, BODY).failure()).isEqualTo(VerificationFailure.MALFORMED);

    Map<String, List<String>> h2 = new HashMap<>(signed(SECRET, NOW, BODY));
    h2.put("webhook-signature", List.of("v2,abc sig-without-version"));
    VerificationResult r2 = verifier.verify(h2, BODY);
    assertThat(r2.failure()).isEqualTo(VerificationFailure.MALFORMED);
    assertThat(r2.message()).contains("v1,<base64>");
  }

  @Test
  void headerNamesAreMatchedInAnyCase() {
    Map<String, List<String>> upper = new HashMap<>();
    Map<String, List<String>> lower = new HashMap<>();
    signed(SECRET, NOW, BODY)
        .forEach(
            (k, v) -> {
              upper.put(k.toUpperCase(Locale.ROOT), v);
              lower.put(k.toLowerCase(Locale.ROOT), v);
            });
    Map<String, List<String>> mixed = new HashMap<>();
    signed(SECRET, NOW, BODY)
        .forEach((k, v) -> mixed.put(k.equals("webhook-id") ? "Webhook-Id" : k, v));

    assertThat(verifier.verify(upper, BODY).valid()).isTrue();
    assertThat(verifier.verify(lower, BODY).valid()).isTrue();
    assertThat(verifier.verify(mixed, BODY).valid()).isTrue();
    assertThat(verifier.verify(name -> upper.getOrDefault(name, List.of()), BODY).failure())
        .as("a raw lookup is used as given")
        .isEqualTo(VerificationFailure.MISSING_HEADER);
  }

  @Test
  void twoSecretsAreValidDuringRotation() {
    StandardWebhooks rotating =
        StandardWebhooks.builder().secret("old-secret").secret("new-secret").clock(CLOCK).build();

    assertThat(rotating.verify(signed("old-secret", NOW, BODY), BODY).valid()).isTrue();
    assertThat(rotating.verify(signed("new-secret", NOW, BODY), BODY).valid()).isTrue();
    assertThat(rotating.verify(signed("third-secret", NOW, BODY), BODY).failure())
        .isEqualTo(VerificationFailure.MISMATCH);
  }

  @Test
  void oneOfSeveralSpaceSeparatedSignaturesIsEnough() {
    Map<String, List<String>> h = new HashMap<>(signed(SECRET, NOW, BODY));
    String good = h.get("webhook-signature").get(0);
    String wrong = WorkFluxWebhookSigner.of("other").signature("msg_1", NOW, BODY);
    h.put("webhook-signature", List.of(wrong + " v1a,ignored " + good));

    assertThat(verifier.verify(h, BODY).valid()).isTrue();
  }

  @Test
  void aWhsecSecretIsBase64AfterThePrefix() {
    byte[] key = "raw key bytes \u0001\u0002".getBytes(StandardCharsets.UTF_8);
    String whsec = "whsec_" + Base64.getEncoder().encodeToString(key);
    StandardWebhooks v = StandardWebhooks.builder().secret(whsec).clock(CLOCK).build();
    Map<String, List<String>> h = headers(WorkFluxWebhookSigner.of(whsec).sign("m", NOW, BODY));

    assertThat(v.verify(h, BODY).valid()).isTrue();
    assertThat(
            h.get("webhook-signature")
                .get(0)
                .equals(WorkFluxWebhookSigner.of(whsec.substring(6)).signature("m", NOW, BODY)))
        .as("the prefix changes how the secret is read")
        .isFalse();
    assertThatThrownBy(() -> StandardWebhooks.of("whsec_***not base64***"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("not base64***");
  }

  @Test
  void aVerifierNeedsASecretAndNeverShowsOne() {
    assertThatThrownBy(() -> StandardWebhooks.builder().build())
        .hasMessageContaining("workflux.webhook.secret");
    assertThat(verifier.toString()).doesNotContain(SECRET);
    assertThat(WorkFluxWebhookSigner.of(SECRET).toString()).doesNotContain(SECRET);
  }

  @Test
  void theSignerStampsWithItsClock() {
    WorkFluxWebhookSigner signer = WorkFluxWebhookSigner.of(Secret.of(SECRET), CLOCK);
    Map<String, String> h = signer.sign("{}");

    assertThat(h.get("webhook-timestamp")).isEqualTo(Long.toString(NOW.getEpochSecond()));
    assertThat(h.get("webhook-id")).startsWith("msg_");
    assertThat(verifier.verify(WebhookHeaders.ofSingle(h), "{}".getBytes()).valid()).isTrue();
  }
}
