package dev.switchboard.futwork.webhook;

import dev.switchboard.core.testing.ReceiverClient;
import org.springframework.context.ConfigurableApplicationContext;

/** Real HTTP requests to the Futwork receiver of a running test application. */
public final class Http extends ReceiverClient {

  /** The secret the test applications are configured with. */
  public static final String SECRET = "s3cr3t-futwork-webhook-value";

  /**
   * Targets a port.
   *
   * @param port the port
   */
  public Http(int port) {
    super(port, "/webhooks/futwork", "X-Webhook-Secret", SECRET);
  }

  /**
   * Targets a running application.
   *
   * @param context the application
   * @return the client
   */
  public static Http to(ConfigurableApplicationContext context) {
    return new Http(port(context));
  }
}
