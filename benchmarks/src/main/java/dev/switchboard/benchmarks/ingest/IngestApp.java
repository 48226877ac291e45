package dev.switchboard.benchmarks.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.benchmarks.StarterProperties;
import dev.switchboard.futwork.webhook.CampaignPostCall;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.concurrent.atomic.LongAdder;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The application under load: the Futwork starter's receiver at {@code /webhooks/futwork}, the
 * receiver a user would write instead at {@code /hand-written/futwork}, and a do-nothing endpoint
 * at {@code /nothing/futwork}. Prints {@code READY <port>} once it serves requests.
 */
@SpringBootApplication
@RestController
public class IngestApp {

  private static final byte[] SECRET =
      StarterProperties.FUTWORK_WEBHOOK_SECRET.getBytes(StandardCharsets.UTF_8);

  private final ObjectMapper json = new ObjectMapper();
  private final ApplicationEventPublisher events;
  private final LongAdder published = new LongAdder();

  /**
   * Creates the controller.
   *
   * @param events where the hand-written receiver publishes
   */
  public IngestApp(ApplicationEventPublisher events) {
    this.events = events;
  }

  /**
   * The hand-written receiver: checks the secret, reads the body with Jackson's tree model and
   * publishes it.
   *
   * @param token the secret in the URL
   * @param body the delivery
   * @return 200, or 401 without the secret
   * @throws IOException when the body is not JSON
   */
  @PostMapping("/hand-written/futwork")
  public ResponseEntity<Void> handWritten(
      @RequestParam(required = false) String token, @RequestBody byte[] body) throws IOException {
    if (token == null || !MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8), SECRET)) {
      return ResponseEntity.status(401).build();
    }
    events.publishEvent(new Delivery(json.readTree(body)));
    return ResponseEntity.ok().build();
  }

  /**
   * The do-nothing endpoint: takes the body and answers 200.
   *
   * @param body the delivery
   * @return 200
   */
  @PostMapping("/nothing/futwork")
  public ResponseEntity<Void> nothing(@RequestBody byte[] body) {
    return ResponseEntity.ok().build();
  }

  /**
   * What the hand-written receiver publishes.
   *
   * @param tree the delivery's JSON
   */
  public record Delivery(JsonNode tree) {}

  /**
   * The application's listener for the SDK's deliveries: counts them.
   *
   * @param call the published post-call
   */
  @EventListener
  public void onPostCall(CampaignPostCall call) {
    published.increment();
  }

  /**
   * The application's listener for the hand-written receiver's deliveries: counts them.
   *
   * @param delivery the published delivery
   */
  @EventListener
  public void onDelivery(Delivery delivery) {
    published.increment();
  }

  /**
   * How many deliveries reached a listener, for the harness to check.
   *
   * @return the count
   */
  @GetMapping("/bench/published")
  public long published() {
    return published.sum();
  }

  /**
   * Tells the harness the port.
   *
   * @param event the ready event
   */
  @EventListener
  public void ready(ApplicationReadyEvent event) {
    System.out.println(
        "READY " + event.getApplicationContext().getEnvironment().getProperty("local.server.port"));
    System.out.flush();
  }

  /**
   * Starts the application.
   *
   * @param args Spring Boot arguments
   */
  public static void main(String[] args) {
    SpringApplication.run(IngestApp.class, args);
  }
}
