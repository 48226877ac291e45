package dev.switchboard.benchmarks.ingest;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The application under load: the Futwork webhook starter's endpoint at {@code /webhooks/futwork}
 * and, beside it, {@link #bare(byte[])} at {@code /bare/futwork}, which takes the same body and
 * answers 200. Prints {@code READY <port>} once it serves requests.
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
