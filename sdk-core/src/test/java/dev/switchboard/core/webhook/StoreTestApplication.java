package dev.switchboard.core.webhook;

import dev.switchboard.core.testing.ReceiverClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;

/**
 * A receiver application for the store and inbox tests: an {@code acme} endpoint at {@value #PATH},
 * authenticated by a header, whose parser takes the idempotency key from the body's {@code id}; a
 * listener records every event it is given.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class StoreTestApplication {

  static final String PATH = "/hooks/acme";
  static final String SECRET_HEADER = "X-Acme-Secret";
  static final String SECRET = "acme-test-secret";

  /** Every ping any application of this JVM handled, in the order their listeners finished. */
  static final Queue<Ping> HANDLED_IN_ORDER = new ConcurrentLinkedQueue<>();

  /** The event the receiver publishes; deliveries about one call are ordered. */
  record Ping(String id, String call, WebhookDelivery delivery) implements OrderedEvent {
    @Override
    public String orderingKey() {
      return call;
    }
  }

  /** What the listener was given; a test may make it fail or block first. */
  static final class Received {
    final Queue<Ping> pings = new ConcurrentLinkedQueue<>();
    volatile Consumer<Ping> before = ping -> {};

    @EventListener
    void on(Ping ping) {
      before.accept(ping);
      pings.add(ping);
      HANDLED_IN_ORDER.add(ping);
    }

    long count(String id) {
      return pings.stream().filter(p -> p.id().equals(id)).count();
    }
  }

  @Bean
  MeterRegistry meterRegistry() {
    return new SimpleMeterRegistry();
  }

  @Bean
  WebhookEndpoint acmeEndpoint() {
    WebhookParser<Ping> parser =
        request -> {
          Map<String, Object> json = WebhookParser.readJson(request.body());
          String id = Objects.toString(json.get("id"), "");
          WebhookDelivery delivery = request.delivery(id);
          return new ParsedDelivery<>(
              new Ping(id, Objects.toString(json.get("call"), ""), delivery), delivery, "ping");
        };
    WebhookAuthenticator secret =
        request ->
            request.header(SECRET_HEADER).filter(SECRET::equals).isPresent()
                ? AuthenticationResult.success()
                : AuthenticationResult.failure("wrong secret");
    return WebhookEndpoint.builder("acme", PATH, parser)
        .authenticator(secret)
        .sensitiveHeaders(SECRET_HEADER)
        .build();
  }

  @Bean
  Received received() {
    return new Received();
  }

  static ConfigurableApplicationContext start(Map<String, Object> properties) {
    return new SpringApplicationBuilder(StoreTestApplication.class)
        .properties(properties)
        .properties("server.port=0", "spring.main.banner-mode=off")
        .run();
  }

  static ReceiverClient client(ConfigurableApplicationContext context) {
    return new ReceiverClient(ReceiverClient.port(context), PATH, SECRET_HEADER, SECRET);
  }

  static byte[] ping(String idAsJson) {
    return ("{\"id\":" + idAsJson + "}").getBytes(StandardCharsets.UTF_8);
  }

  static byte[] ping(String id, String call) {
    return ("{\"id\":\"" + id + "\",\"call\":\"" + call + "\"}").getBytes(StandardCharsets.UTF_8);
  }
}
