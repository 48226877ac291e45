package dev.switchboard.core.http.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.ClientHttpRequest;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.util.CollectionUtils;

/**
 * The transport under the SDK's RestClient: the JDK's {@link HttpClient} called with the blocking
 * {@code send}, the body (always small, and already bytes) as a byte array, and the read time-out
 * as the request's time-out.
 *
 * <p>Spring's {@code JdkClientHttpRequestFactory} streams every body through a publisher fed by a
 * new {@code SimpleAsyncTaskExecutor} thread and waits on {@code sendAsync}, whose completion runs
 * on yet another new thread wherever the common pool has fewer than two threads (any machine or
 * container with two CPUs or fewer). Measured in {@code docs/performance.md}: that cost the lead
 * client most of its throughput. This factory starts no thread per request.
 *
 * <p>The answer's body is read whole by the JDK client before {@code send} returns (every caller in
 * the SDK reads it whole anyway): a streamed body would cost one more hand-off between the client's
 * selector thread and the caller for each answer. The read time-out bounds the wait for the
 * answer's status and headers; the body of an answer whose headers arrived is then read to its end.
 */
final class BlockingJdkRequestFactory implements ClientHttpRequestFactory {

  /**
   * Whether the JDK client sets this header itself and refuses it from callers: {@code Connection},
   * {@code Content-Length}, {@code Expect}, {@code Host}, {@code Upgrade}. Called for every header
   * of every request, so the length picks the one name to compare.
   */
  static boolean restricted(String name) {
    String candidate =
        switch (name.length()) {
          case 4 -> "host";
          case 6 -> "expect";
          case 7 -> "upgrade";
          case 10 -> "connection";
          case 14 -> "content-length";
          default -> null;
        };
    return candidate != null && candidate.equalsIgnoreCase(name);
  }

  private final HttpClient client;
  private final Duration readTimeout;

  BlockingJdkRequestFactory(HttpClient client, Duration readTimeout) {
    this.client = client;
    this.readTimeout = readTimeout;
  }

  @Override
  public ClientHttpRequest createRequest(URI uri, HttpMethod method) {
    return new Request(uri, method);
  }

  private final class Request implements ClientHttpRequest {
    private final URI uri;
    private final HttpMethod method;
    private final HttpHeaders headers = new HttpHeaders();
    private final ByteArrayOutputStream body = new ByteArrayOutputStream(512);
    private final Map<String, Object> attributes = new LinkedHashMap<>();

    Request(URI uri, HttpMethod method) {
      this.uri = uri;
      this.method = method;
    }

    @Override
    public HttpMethod getMethod() {
      return method;
    }

    @Override
    public URI getURI() {
      return uri;
    }

    @Override
    public HttpHeaders getHeaders() {
      return headers;
    }

    @Override
    public Map<String, Object> getAttributes() {
      return attributes;
    }

    @Override
    public OutputStream getBody() {
      return body;
    }

    @Override
    public ClientHttpResponse execute() throws IOException {
      HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(readTimeout);
      headers.forEach(
          (name, values) -> {
            if (!restricted(name)) {
              values.forEach(value -> builder.header(name, value == null ? "" : value));
            }
          });
      byte[] bytes = body.toByteArray();
      builder.method(
          method.name(),
          bytes.length == 0
              ? HttpRequest.BodyPublishers.noBody()
              : HttpRequest.BodyPublishers.ofByteArray(bytes));
      try {
        return new Response(client.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray()));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException(
            "Interrupted while waiting for " + method + " " + uri.getPath());
      }
    }
  }

  private static final class Response implements ClientHttpResponse {
    private final HttpResponse<byte[]> response;
    private final HttpHeaders headers;

    Response(HttpResponse<byte[]> response) {
      this.response = response;
      // The JDK's header map is unmodifiable and ordered case-insensitively: used as it is.
      this.headers = new HttpHeaders(CollectionUtils.toMultiValueMap(response.headers().map()));
    }

    @Override
    public HttpStatusCode getStatusCode() {
      return HttpStatusCode.valueOf(response.statusCode());
    }

    @Override
    public String getStatusText() {
      return "";
    }

    @Override
    public HttpHeaders getHeaders() {
      return headers;
    }

    @Override
    public InputStream getBody() {
      return new ByteArrayInputStream(response.body());
    }

    @Override
    public void close() {
      // the body was read whole and the connection is already back in the pool
    }
  }
}
