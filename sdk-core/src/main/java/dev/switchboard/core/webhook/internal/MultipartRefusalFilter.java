package dev.switchboard.core.webhook.internal;

import dev.switchboard.core.webhook.WebhookEndpoint;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;

/**
 * Answers a multipart request to a webhook path with a 415 problem before Spring MVC sees it. With
 * multipart handling on (Spring Boot's default), the {@code DispatcherServlet} parses a multipart
 * body before any handler runs, and a body it cannot parse (no boundary, a broken part) fails with
 * a 500, which a platform would retry forever; a webhook delivery is never multipart, so it is
 * refused here, unparsed. Any other request passes through untouched.
 */
public final class MultipartRefusalFilter implements Filter, Ordered {

  /** Early, after character encoding, before security and Spring MVC. */
  public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 100;

  private final Map<String, WebhookEndpoint> endpoints = new HashMap<>();
  private final WebhookMetrics metrics;

  /**
   * Creates the filter.
   *
   * @param endpoints the receivers whose paths it guards
   * @param metrics records refusals
   */
  public MultipartRefusalFilter(List<WebhookEndpoint> endpoints, WebhookMetrics metrics) {
    for (WebhookEndpoint endpoint : endpoints) {
      this.endpoints.put(endpoint.path(), endpoint);
    }
    this.metrics = metrics;
  }

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (request instanceof HttpServletRequest http
        && response instanceof HttpServletResponse out
        && ContentTypes.multipart(http.getContentType())) {
      WebhookEndpoint endpoint = endpoints.get(pathWithinApplication(http));
      if (endpoint != null) {
        long start = System.nanoTime();
        out.setHeader("Accept-Post", "application/json");
        Problems.write(
            out, HttpStatus.UNSUPPORTED_MEDIA_TYPE, ContentTypes.REFUSAL, endpoint.path());
        metrics.record(
            endpoint.source(), "none", "unsupported_media_type", System.nanoTime() - start);
        return;
      }
    }
    chain.doFilter(request, response);
  }

  /**
   * The path as Spring MVC matches it: without the context path and without {@code ;} path
   * parameters, which Spring MVC ignores when it maps a request (only multipart requests get here).
   */
  private static String pathWithinApplication(HttpServletRequest request) {
    String uri = request.getRequestURI();
    String context = request.getContextPath();
    String path =
        context != null && !context.isEmpty() && uri.startsWith(context)
            ? uri.substring(context.length())
            : uri;
    return path.indexOf(';') < 0 ? path : path.replaceAll(";[^/]*", "");
  }

  @Override
  public int getOrder() {
    return ORDER;
  }
}
