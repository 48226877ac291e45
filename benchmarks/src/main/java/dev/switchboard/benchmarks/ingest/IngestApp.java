package dev.switchboard.benchmarks.ingest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.futwork.webhook.CampaignPostCall;
import java.util.concurrent.atomic.LongAdder;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The application under load: the Futwork webhook starter's endpoint at {@code /webhooks/futwork}
 * with a listener that only counts, and, beside it, {@link #bare(byte[])} at {@code /bare/futwork},
 * which takes the same body and answers 200. Prints {@code READY <port>} once it serves requests.
 */
@SpringBootApplication
@RestController
public class IngestApp {

  /**
   * The baseline: reads the body and answers 200, nothing else.
   *
   * @param body the delivery
   * @return 200 with no body
   */
  @PostMapping("/bare/futwork")
  public ResponseEntity<Void> bare(@RequestBody byte[] body) {
    return ResponseEntity.ok().build();
  }

  /**
   * Diagnostic: the bare controller plus Jackson's tree model on the body, the least any endpoint
   * that reads the delivery must do.
   *
   * @param body the delivery
   * @return 200 with no body
   * @throws java.io.IOException when the body is not JSON
   */
  @PostMapping("/bare-parse/futwork")
  public ResponseEntity<Void> bareParse(@RequestBody byte[] body) throws java.io.IOException {
    if (plain.readTree(body).size() == 0) {
      return ResponseEntity.badRequest().build();
    }
    return ResponseEntity.ok().build();
  }

  /**
   * Diagnostic: the bare controller plus Jackson's streaming parser over the body, every string and
   * number decoded and nothing built: the least any typed result of the delivery costs.
   *
   * @param body the delivery
   * @return 200 with no body
   * @throws java.io.IOException when the body is not JSON
   */
  @PostMapping("/bare-stream/futwork")
  public ResponseEntity<Void> bareStream(@RequestBody byte[] body) throws java.io.IOException {
    long decoded = 0;
    try (JsonParser parser = plain.getFactory().createParser(body)) {
      for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
        if (token == JsonToken.VALUE_STRING) {
          decoded += parser.getText().length();
        } else if (token.isNumeric()) {
          decoded += parser.getNumberValue().intValue();
        }
      }
    }
    return decoded == 0 ? ResponseEntity.badRequest().build() : ResponseEntity.ok().build();
  }

  private final ObjectMapper plain = new ObjectMapper();

  private final LongAdder published = new LongAdder();

  /**
   * The application's listener: does nothing but count.
   *
   * @param call the published post-call
   */
  @EventListener
  public void onPostCall(CampaignPostCall call) {
    published.increment();
  }

  /**
   * How many post-calls were published to the listener, for the harness to check.
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
