package dev.switchboard.workflux.webhook;

import dev.switchboard.core.testing.ReceiverClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;

/** Real HTTP deliveries to the WorkFlux receiver of a running test application. */
public final class Http extends ReceiverClient {

  private final String path;

  /**
   * Targets a receiver.
   *
   * @param port the application's port
   * @param path the receiver's path
   */
  public Http(int port, String path) {
    super(port, path, "X-Unused", "unused");
    this.path = path;
  }

  /**
   * Targets the receiver of a running application at its default path.
   *
   * @param context the application
   * @return the client
   */
  public static Http to(ConfigurableApplicationContext context) {
    return new Http(port(context), "/webhooks/workflux");
  }

  /**
   * Posts a JSON body with headers, exactly as given.
   *
   * @param body the raw body
   * @param headers the headers, names as given
   * @return the response
   */
  public HttpResponse<String> post(byte[] body, Map<String, String> headers) {
    return post(path, body, headers);
  }

  /**
   * Posts a JSON body with headers to a path.
   *
   * @param target the path
   * @param body the raw body
   * @param headers the headers, names as given
   * @return the response
   */
  public HttpResponse<String> post(String target, byte[] body, Map<String, String> headers) {
    HttpRequest.Builder b =
        request(target)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    headers.forEach(b::header);
    return send(b.build());
  }
}
