package dev.switchboard.benchmarks;

import java.io.File;
import java.util.List;

/** The arguments every benchmarked application starts with: what the SDK's starters need. */
public final class StarterProperties {

  /** The secret the Futwork receiver expects, in {@code ?token=} or {@code X-Webhook-Secret}. */
  public static final String FUTWORK_WEBHOOK_SECRET = "bench-webhook-secret-0123456789";

  private StarterProperties() {}

  /**
   * The {@code java} launcher of the running JVM, which each benchmarked process is started with.
   *
   * @return its path
   */
  public static String javaBin() {
    return System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
  }

  /**
   * Spring Boot arguments: a random loopback port, quiet logs, and the starters' required
   * properties (ignored when the starters are absent).
   *
   * @return the arguments
   */
  public static List<String> args() {
    return List.of(
        "--server.port=0",
        "--server.address=127.0.0.1",
        "--spring.main.banner-mode=off",
        "--logging.level.root=WARN",
        "--futwork.api-key=bench-api-key",
        "--futwork.webhook.secret=" + FUTWORK_WEBHOOK_SECRET,
        "--flowforge.webhook.secret=bench-webhook-secret-0123456789",
        "--workflux.client-id=bench-client",
        "--workflux.client-secret=bench-client-secret",
        "--workflux.webhook.secret=whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
  }
}
