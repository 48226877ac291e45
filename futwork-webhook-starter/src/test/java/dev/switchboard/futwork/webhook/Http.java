package dev.switchboard.futwork.webhook;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.springframework.context.ConfigurableApplicationContext;

/** Real HTTP requests to a running test application, from a plain java.net.http client. */
public final class Http {

  /** The secret the test applications are configured with. */
  public static final String SECRET = "s3cr3t-futwork-webhook-value";

  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private final int port;

  /**
   * Targets a port.
   *
   * @param port the port
   */
  public Http(int port) {
    this.port = port;
  }

  /**
   * Targets a running application.
   *
   * @param context the application
   * @return the client
   */
  public static Http to(ConfigurableApplicationContext context) {
    return new Http(
        Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port")));
  }

  /**
   * Starts a request to a path.
   *
   * @param pathAndQuery such as {@code /webhooks/futwork?token=x}
   * @return the builder
   */
  public HttpRequest.Builder request(String pathAndQuery) {
    return HttpRequest.newBuilder(URI.create("http://localhost:" + port + pathAndQuery))
        .timeout(Duration.ofSeconds(60));
  }

  /**
   * Posts JSON with the right secret.
   *
   * @param body the body
   * @return the response
   */
  public HttpResponse<String> deliver(byte[] body) {
    return send(
        request("/webhooks/futwork")
            .header("Content-Type", "application/json")
            .header("X-Webhook-Secret", SECRET)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build());
  }

  /**
   * Posts JSON with the right secret, without waiting.
   *
   * @param body the body
   * @return the response to come
   */
  public CompletableFuture<HttpResponse<String>> deliverAsync(byte[] body) {
    return CLIENT.sendAsync(
        request("/webhooks/futwork")
            .header("Content-Type", "application/json")
            .header("X-Webhook-Secret", SECRET)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  /**
   * Sends a request.
   *
   * @param request the request
   * @return the response
   */
  public static HttpResponse<String> send(HttpRequest request) {
    try {
      return CLIENT.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
