package dev.switchboard.core.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.core.json.internal.Json;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;

/**
 * The shared pipeline with a vendor-supplied signature verifier, as the WorkFlux receiver will plug
 * one in: raw bytes, headers and the time of arrival reach the authenticator; the signature header
 * never reaches listeners; the store failing gives 503 and nothing is published.
 */
@SpringBootTest(
    classes = WebhookPipelineHttpTest.App.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WebhookPipelineHttpTest {

  static final byte[] KEY = "hmac-key-for-tests".getBytes(StandardCharsets.UTF_8);

  /** A vendor's event record, carrying its delivery. */
  record Ping(String id, WebhookDelivery delivery) {}

  /** A store the test can make fail. */
  static final class FlakyStore implements DeliveryStore {
    final DeliveryStore delegate =
        new InMemoryDeliveryStore(
            java.time.Clock.systemUTC(), Duration.ofHours(1), Duration.ofMinutes(1), 100);
    final AtomicBoolean down = new AtomicBoolean();

    @Override
    public Acquisition acquire(String source, String key) {
      if (down.get()) {
        throw new IllegalStateException("database unreachable");
      }
      return delegate.acquire(source, key);
    }

    @Override
    public boolean markHandled(String source, String key, String holder) {
      return delegate.markHandled(source, key, holder);
    }

    @Override
    public void release(String source, String key, String holder) {
      delegate.release(source, key, holder);
    }
  }

  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class App {
    final List<Ping> pings = new CopyOnWriteArrayList<>();

    @Bean
    WebhookEndpoint acmeEndpoint() {
      WebhookAuthenticator hmac =
          request -> {
            String sig = request.header("X-Acme-Signature").orElse("");
            String expected = sign(request.body());
            // time checks use the request's arrival time, taken from the pipeline's clock
            boolean fresh = request.receivedAt() != null;
            return fresh
                    && java.security.MessageDigest.isEqual(
                        expected.getBytes(StandardCharsets.UTF_8),
                        sig.getBytes(StandardCharsets.UTF_8))
                ? AuthenticationResult.success()
                : AuthenticationResult.failure("signature does not match");
          };
      WebhookParser<Ping> parser =
          request -> {
            String id = String.valueOf(WebhookParser.readJson(request.body()).get("id"));
            WebhookDelivery delivery = request.delivery(id);
            return new ParsedDelivery<>(new Ping(id, delivery), delivery, "ping");
          };
      return WebhookEndpoint.builder("acme", "/hooks/acme", parser)
          .authenticator(hmac)
          .sensitiveHeaders("X-Acme-Signature")
          .maxBodySize(4096)
          .build();
    }

    @Bean
    FlakyStore store() {
      return new FlakyStore();
    }

    @Bean
    MeterRegistry meterRegistry() {
      return new SimpleMeterRegistry();
    }

    @EventListener
    void on(Ping ping) {
      pings.add(ping);
    }
  }

  static String sign(byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(KEY, "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(body));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Autowired App app;
  @Autowired FlakyStore store;
  @Autowired MeterRegistry meters;
  @Autowired Environment environment;

  @BeforeEach
  void reset() {
    app.pings.clear();
    store.down.set(false);
  }

  private HttpResponse<String> post(byte[] body, String signature, String contentType)
      throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create(
                    "http://localhost:"
                        + environment.getRequiredProperty("local.server.port")
                        + "/hooks/acme"))
            .header("Content-Type", contentType)
            .header("X-Acme-Signature", signature)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static byte[] ping() {
    return ("{\"id\":\"" + UUID.randomUUID() + "\"}").getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void aSignedDeliveryIsPublishedWithoutItsSignatureHeader() throws Exception {
    byte[] body = ping();
    HttpResponse<String> response = post(body, sign(body), "application/vnd.acme+json");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(app.pings).hasSize(1);
    Ping ping = app.pings.get(0);
    assertThat(ping.delivery().idempotencyKey()).isEqualTo(ping.id());
    assertThat(ping.delivery().header("X-Acme-Signature")).isEmpty();
    assertThat(ping.delivery().header("Content-Type")).contains("application/vnd.acme+json");
    assertThat(
            meters
                .get("switchboard.webhook.deliveries")
                .tag("source", "acme")
                .tag("event.type", "ping")
                .tag("outcome", "handled")
                .counter()
                .count())
        .isGreaterThanOrEqualTo(1);
  }

  @Test
  void aTamperedBodyIsRefused() throws Exception {
    byte[] body = ping();
    String signature = sign(body);
    body[body.length - 2] = 'x';
    assertThat(post(body, signature, "application/json").statusCode()).isEqualTo(401);
    assertThat(app.pings).isEmpty();
    assertThat(
            meters
                .get("switchboard.webhook.deliveries")
                .tag("outcome", "unauthenticated")
                .counter()
                .count())
        .isGreaterThanOrEqualTo(1);
  }

  @Test
  void theEndpointsOwnSizeLimitApplies() throws Exception {
    byte[] body = ("{\"id\":\"" + "x".repeat(5000) + "\"}").getBytes(StandardCharsets.UTF_8);
    assertThat(post(body, sign(body), "application/json").statusCode()).isEqualTo(413);
  }

  @Test
  void aFailingStoreGives503AndPublishesNothing() throws Exception {
    store.down.set(true);
    byte[] body = ping();
    HttpResponse<String> response = post(body, sign(body), "application/json");
    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.headers().firstValue("Retry-After")).isPresent();
    assertThat(Json.mapper().readTree(response.body()).path("status").asInt()).isEqualTo(503);
    assertThat(response.body()).doesNotContain("database unreachable");
    assertThat(app.pings).isEmpty();

    store.down.set(false);
    assertThat(post(body, sign(body), "application/json").statusCode()).isEqualTo(200);
    assertThat(app.pings).hasSize(1);
  }
}
