package dev.switchboard.workflux.webhook;

import dev.switchboard.core.testing.MutableClock;
import java.time.Instant;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/** A plain web application with workflux-client, a clock tests move, and recording listeners. */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(Recorder.class)
public class TestApp {

  /** The moment the application's clock starts at. */
  public static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

  /** Properties every test application needs: client credentials that are never used. */
  public static final String[] CLIENT =
      new String[] {
        "workflux.client-id=client-receiver-test",
        "workflux.client-secret=cs_receiver_test_9a8b7c",
        "spring.main.banner-mode=off"
      };

  /**
   * The application's clock, which the pipeline stamps arrivals with.
   *
   * @return the clock
   */
  @Bean
  public MutableClock clock() {
    return new MutableClock(NOW);
  }
}
