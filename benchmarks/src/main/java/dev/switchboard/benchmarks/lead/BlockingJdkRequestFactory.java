package dev.switchboard.benchmarks.lead;

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
import java.util.Locale;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.ClientHttpRequest;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.ClientHttpResponse;

/**
 * The transport recommended for sdk-core's {@code CallExecutor} (see docs/performance.md): the
 * JDK's {@link HttpClient} called with the blocking {@code send}, the already buffered body as a
 * byte array, and the read time-out as the request's time-out. Unlike Spring's {@code
 * JdkClientHttpRequestFactory} it starts no thread per request: no {@code SimpleAsyncTaskExecutor}
 * thread to stream the body, and no {@code sendAsync}, whose completion runs on a new thread when
 * the common pool has fewer than two threads (any machine or container with two CPUs or fewer).
 */
public final class BlockingJdkRequestFactory implements ClientHttpRequestFactory {

  private static final Set<String> DISALLOWED =
      Set.of("connection", "content-length", "expect", "host", "upgrade");

  private final HttpClient client;
  private final Duration readTimeout;

  /**
   * Creates the factory.
   *
   * @param client the client to send with
   * @param readTimeout the longest wait for the answer's headers
   */
  public BlockingJdkRequestFactory(HttpClient client, Duration readTimeout) {
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
    private final ByteArrayOutputStream body = new ByteArrayOutputStream(1024);
    private final java.util.Map<String, Object> attributes = new java.util.LinkedHashMap<>();

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
    public java.util.Map<String, Object> getAttributes() {
      return attributes;
    }

    @Override
    public OutputStream getBody() {
      return body;
    }

    @Override
    public ClientHttpResponse execute() throws IOException {
      byte[] bytes = body.toByteArray();
      HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(readTimeout);
      headers.forEach(
          (name, values) -> {
            if (!DISALLOWED.contains(name.toLowerCase(Locale.ROOT))) {
              values.forEach(value -> builder.header(name, value));
            }
          });
      builder.method(
          method.name(),
          bytes.length == 0
              ? HttpRequest.BodyPublishers.noBody()
              : HttpRequest.BodyPublishers.ofByteArray(bytes));
      try {
        return new Response(
            client.send(builder.build(), HttpResponse.BodyHandlers.ofInputStream()));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while waiting for " + uri);
      }
    }
  }

  private static final class Response implements ClientHttpResponse {
    private final HttpResponse<InputStream> response;
    private final HttpHeaders headers = new HttpHeaders();

    Response(HttpResponse<InputStream> response) {
      this.response = response;
      response.headers().map().forEach((name, values) -> headers.addAll(name, values));
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
      return response.body();
    }

    @Override
    public void close() {
      try {
        response.body().close();
      } catch (IOException ignored) {
        // the connection is returned to the pool or dropped either way
      }
    }
  }
}
