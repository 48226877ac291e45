package dev.switchboard.benchmarks.lead;

import org.springframework.http.client.ClientHttpRequest;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.web.client.RestClient;

/**
 * Runs the unchanged SDK over another transport, to measure a proposed fix without editing
 * sdk-core: {@code CallExecutor} keeps the interceptors of the {@link RestClient.Builder} it is
 * given, and this interceptor sends the request through another factory instead of passing it on.
 */
final class TransportSwap {

  private TransportSwap() {}

  static RestClient.Builder over(ClientHttpRequestFactory factory) {
    ClientHttpRequestInterceptor swap =
        (request, body, execution) -> {
          ClientHttpRequest out = factory.createRequest(request.getURI(), request.getMethod());
          out.getHeaders().putAll(request.getHeaders());
          out.getBody().write(body);
          return out.execute();
        };
    return RestClient.builder().requestInterceptor(swap);
  }
}
