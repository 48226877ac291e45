package dev.switchboard.workflux.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.core.Secret;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class HexHmacVerifierTest {

  static final byte[] BODY = "{\"event\":\"agent.response\"}".getBytes(StandardCharsets.UTF_8);

  static String reference(String secret, byte[] body) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return HexFormat.of().formatHex(mac.doFinal(body));
  }

  @Test
  void aHexSignatureInTheDefaultHeaderVerifies() throws Exception {
    String sig = reference("s3cret", BODY);
    assertThat(WorkFluxWebhookSigner.of("s3cret").hexSignature(BODY)).isEqualTo(sig);

    VerificationResult result =
        HexHmacVerifier.of("s3cret")
            .verify(
                WebhookHeaders.ofSingle(
                    Map.of(
                        "X-WorkFlux-Signature", sig.toUpperCase(Locale.ROOT), "Webhook-Id", "d1")),
                BODY);

    assertThat(result.valid()).isTrue();
    assertThat(result.id()).contains("d1");
  }

  @Test
  void aConfiguredHeaderASha256PrefixAndRotationAreSupported() throws Exception {
    HexHmacVerifier verifier =
        HexHmacVerifier.of("X-Signature", null, List.of(Secret.of("old"), Secret.of("new")));

    assertThat(
            verifier
                .verify(
                    WebhookHeaders.ofSingle(
                        Map.of("x-signature", "sha256=" + reference("old", BODY))),
                    BODY)
                .valid())
        .isTrue();
    assertThat(
            verifier
                .verify(
                    WebhookHeaders.ofSingle(Map.of("X-SIGNATURE", reference("new", BODY))), BODY)
                .valid())
        .isTrue();
  }

  @Test
  void wrongSecretTamperedBodyMissingAndMalformedHeadersAreRefused() throws Exception {
    HexHmacVerifier verifier = HexHmacVerifier.of("s3cret");
    String sig = reference("s3cret", BODY);

    assertThat(
            verifier
                .verify(
                    WebhookHeaders.ofSingle(Map.of("x-workflux-signature", reference("x", BODY))),
                    BODY)
                .failure())
        .isEqualTo(VerificationFailure.MISMATCH);
    assertThat(
            verifier
                .verify(
                    WebhookHeaders.ofSingle(Map.of("x-workflux-signature", sig)),
                    "{\"event\":\"agent.responsE\"}".getBytes(StandardCharsets.UTF_8))
                .failure())
        .isEqualTo(VerificationFailure.MISMATCH);
    assertThat(verifier.verify(WebhookHeaders.ofSingle(Map.of()), BODY).failure())
        .isEqualTo(VerificationFailure.MISSING_HEADER);
    assertThat(
            verifier
                .verify(WebhookHeaders.ofSingle(Map.of("x-workflux-signature", "zz-not-hex")), BODY)
                .failure())
        .isEqualTo(VerificationFailure.MALFORMED);
    assertThat(verifier.toString()).doesNotContain("s3cret");
  }
}
