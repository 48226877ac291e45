package dev.switchboard.core.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Real HTTP requests to a receiver of a running test application, from a plain java.net.http
 * client, presenting a shared secret in a header.
 */
public class ReceiverClient {

  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private final int port;
  private final String path;
  private final String secretHeader;
  private final String secret;

  /**
   * Targets a receiver.
   *
   * @param port the application's port
   * @param path the receiver's path, such as {@code /webhooks/futwork}
   * @param secretHeader the header carrying the secret
   * @param secret the secret to present
   */
  public ReceiverClient(int port, String path, String secretHeader, String secret) {
    this.port = port;
    this.path = path;
    this.secretHeader = secretHeader;
    this.secret = secret;
  }

  /**
   * The port of a running application.
   *
   * @param context the application
   * @return its {@code local.server.port}
   */
  public static int port(ConfigurableApplicationContext context) {
    return Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
  }

  /**
   * Starts a request to a path of the application.
   *
   * @param pathAndQuery such as {@code /webhooks/futwork?token=x}
   * @return the builder
   */
  public HttpRequest.Builder request(String pathAndQuery) {
    return HttpRequest.newBuilder(URI.create("http://localhost:" + port + pathAndQuery))
        .timeout(Duration.ofSeconds(60));
  }

  private HttpRequest delivery(byte[] body) {
    return request(path)
        .header("Content-Type", "application/json")
        .header(secretHeader, secret)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
        .build();
  }

  /**
   * Posts JSON to the receiver with the right secret.
   *
   * @param body the body
   * @return the response
   */
  public HttpResponse<String> deliver(byte[] body) {
    return send(delivery(body));
  }

  /**
   * Posts JSON to the receiver with the right secret, without waiting.
   *
   * @param body the body
   * @return the response to come
   */
  public CompletableFuture<HttpResponse<String>> deliverAsync(byte[] body) {
    return CLIENT.sendAsync(
        delivery(body), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
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
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
