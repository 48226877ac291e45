package dev.switchboard.benchmarks.jmh;

import dev.switchboard.workflux.webhook.StandardWebhooks;
import dev.switchboard.workflux.webhook.WebhookHeaders;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Signature verification by body size: WorkFlux's Standard Webhooks verifier. The baseline is a
 * hand-written Standard Webhooks check: one HMAC-SHA256 over {@code id.timestamp.body} with the
 * JDK's {@link Mac}, compared in constant time with the presented signature.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SignatureBenchmark {

  /** Body size in bytes. */
  @Param({"1024", "20480"})
  public int size;

  byte[] body;
  byte[] key;
  String id = "msg_2KWPBgLlAfxdpx2AI54pPJ85f4W";
  String timestamp;
  String signature;
  StandardWebhooks verifier;
  WebhookHeaders headers;

  /**
   * Builds a random JSON-like body and signs it.
   *
   * @throws GeneralSecurityException never on a standard JDK
   */
  @Setup
  public void setUp() throws GeneralSecurityException {
    body = new byte[size];
    ThreadLocalRandom random = ThreadLocalRandom.current();
    for (int i = 0; i < size; i++) {
      body[i] = (byte) ('a' + random.nextInt(26));
    }
    key = new byte[24];
    random.nextBytes(key);
    timestamp = Long.toString(System.currentTimeMillis() / 1000);
    signature = "v1," + Base64.getEncoder().encodeToString(hmac(key, id, timestamp, body));
    String secret = "whsec_" + Base64.getEncoder().encodeToString(key);
    verifier = StandardWebhooks.of(secret);
    headers =
        WebhookHeaders.ofSingle(
            Map.of(
                StandardWebhooks.ID_HEADER, id,
                StandardWebhooks.TIMESTAMP_HEADER, timestamp,
                StandardWebhooks.SIGNATURE_HEADER, signature));
    if (!verifier.verify(headers, body).valid()) {
      throw new IllegalStateException("the SDK refuses the baseline's signature");
    }
  }

  static byte[] hmac(byte[] key, String id, String timestamp, byte[] body)
      throws GeneralSecurityException {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key, "HmacSHA256"));
    mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
    return mac.doFinal(body);
  }

  /**
   * The SDK: WorkFlux's {@link StandardWebhooks} verifier on the same headers and body.
   *
   * @return whether the signature matched
   */
  @Benchmark
  public boolean sdkStandardWebhooks() {
    return verifier.verify(headers, body).valid();
  }

  /**
   * The baseline: HMAC-SHA256 over the signed content, constant-time comparison.
   *
   * @return whether the signature matched
   * @throws GeneralSecurityException never on a standard JDK
   */
  @Benchmark
  public boolean hmacBaseline() throws GeneralSecurityException {
    byte[] expected = hmac(key, id, timestamp, body);
    byte[] presented = Base64.getDecoder().decode(signature.substring(3));
    return MessageDigest.isEqual(expected, presented);
  }
}
