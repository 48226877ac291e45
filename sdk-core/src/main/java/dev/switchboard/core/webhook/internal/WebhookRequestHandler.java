package dev.switchboard.core.webhook.internal;

import dev.switchboard.core.webhook.Acquisition;
import dev.switchboard.core.webhook.AuthenticationResult;
import dev.switchboard.core.webhook.DeliveryStore;
import dev.switchboard.core.webhook.IpAllowlist;
import dev.switchboard.core.webhook.ParsedDelivery;
import dev.switchboard.core.webhook.WebhookAuthenticator;
import dev.switchboard.core.webhook.WebhookEndpoint;
import dev.switchboard.core.webhook.WebhookPayloadException;
import dev.switchboard.core.webhook.WebhookRequest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.web.HttpRequestHandler;

/**
 * The delivery pipeline for one {@link WebhookEndpoint}: method, IP allowlist, size, content type,
 * authentication on the raw bytes, parsing, deduplication, synchronous publication, answer.
 *
 * <p>The answer is 2xx only after every listener returned. Nothing it logs or answers holds the
 * body, a header value or a query parameter.
 */
public final class WebhookRequestHandler implements HttpRequestHandler {

  private static final Logger log = LoggerFactory.getLogger(WebhookRequestHandler.class);
  private static final String NONE = "none";

  private final WebhookEndpoint endpoint;
  private final DeliveryStore store;
  private final ApplicationEventPublisher publisher;
  private final Clock clock;
  private final WebhookMetrics metrics;
  private final InboxReceiver inbox;

  /**
   * Creates the handler.
   *
   * @param endpoint the endpoint served
   * @param store remembers handled deliveries
   * @param publisher publishes events to the application's listeners
   * @param clock gives the time of arrival
   * @param metrics records outcomes
   */
  public WebhookRequestHandler(
      WebhookEndpoint endpoint,
      DeliveryStore store,
      ApplicationEventPublisher publisher,
      Clock clock,
      WebhookMetrics metrics) {
    this(endpoint, store, publisher, clock, metrics, null);
  }

  /**
   * Creates the handler, in the inbox mode when {@code inbox} is given: deliveries are stored and
   * answered, and published later by the inbox's dispatcher.
   *
   * @param endpoint the endpoint served
   * @param store remembers handled deliveries
   * @param publisher publishes events to the application's listeners
   * @param clock gives the time of arrival
   * @param metrics records outcomes
   * @param inbox stores parsed deliveries instead of publishing them, or null
   */
  public WebhookRequestHandler(
      WebhookEndpoint endpoint,
      DeliveryStore store,
      ApplicationEventPublisher publisher,
      Clock clock,
      WebhookMetrics metrics,
      InboxReceiver inbox) {
    this.endpoint = endpoint;
    this.store = store;
    this.publisher = publisher;
    this.clock = clock;
    this.metrics = metrics;
    this.inbox = inbox;
  }

  /**
   * Returns the endpoint served.
   *
   * @return the endpoint
   */
  public WebhookEndpoint endpoint() {
    return endpoint;
  }

  @Override
  public void handleRequest(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    long start = System.nanoTime();
    Instant receivedAt = clock.instant();
    // the configured path, never the request's URI, which may carry sender-controlled text
    String path = endpoint.path();
    String source = endpoint.source();

    if (!"POST".equals(request.getMethod())) {
      response.setHeader("Allow", "POST");
      reject(
          response,
          start,
          HttpStatus.METHOD_NOT_ALLOWED,
          "method_not_allowed",
          "Webhook deliveries must use POST.",
          path);
      return;
    }

    IpAllowlist allowlist = endpoint.allowlist();
    if (allowlist != null
        && !allowlist.permits(request.getRemoteAddr(), values(request, "X-Forwarded-For"))) {
      log.warn(
          "Refused a {} delivery to {} from an address outside the allowlist ({})",
          source,
          path,
          request.getRemoteAddr());
      reject(
          response,
          start,
          HttpStatus.FORBIDDEN,
          "forbidden",
          "The sender's address is not allowed to deliver webhooks here.",
          path);
      return;
    }

    long max = endpoint.maxBodySize();
    if (request.getContentLengthLong() > max) {
      reject(
          response,
          start,
          HttpStatus.PAYLOAD_TOO_LARGE,
          "too_large",
          "The body is larger than the limit of " + max + " bytes.",
          path);
      return;
    }

    if (ContentTypes.refused(request.getContentType())) {
      response.setHeader("Accept-Post", "application/json");
      reject(
          response,
          start,
          HttpStatus.UNSUPPORTED_MEDIA_TYPE,
          "unsupported_media_type",
          ContentTypes.REFUSAL,
          path);
      return;
    }

    byte[] body;
    try {
      body = readCapped(request.getInputStream(), max, request.getContentLengthLong());
    } catch (IOException e) {
      // a broken chunked encoding, a body shorter than announced and cut off: the sender's doing
      log.warn(
          "Could not read the body of a {} delivery to {}: {}",
          source,
          path,
          e.getClass().getName());
      reject(
          response,
          start,
          HttpStatus.BAD_REQUEST,
          "unreadable",
          "The body could not be read completely.",
          path);
      return;
    }
    if (body == null) {
      reject(
          response,
          start,
          HttpStatus.PAYLOAD_TOO_LARGE,
          "too_large",
          "The body is larger than the limit of " + max + " bytes.",
          path);
      return;
    }

    WebhookRequest webhookRequest =
        new WebhookRequest(
            source,
            body,
            headers(request),
            query(request.getQueryString()),
            request.getRemoteAddr(),
            receivedAt,
            endpoint.sensitiveHeaders());

    WebhookAuthenticator authenticator = endpoint.authenticator();
    if (authenticator != null) {
      AuthenticationResult result;
      try {
        result = authenticator.authenticate(webhookRequest);
      } catch (RuntimeException e) {
        log.warn(
            "The {} authenticator failed with {}; the delivery is refused",
            source,
            e.getClass().getName());
        result = AuthenticationResult.failure("the authenticator failed");
      }
      if (!result.authenticated()) {
        log.warn(
            "Refused an unauthenticated {} delivery to {} from {}: {}",
            source,
            path,
            request.getRemoteAddr(),
            result.reason());
        reject(
            response,
            start,
            HttpStatus.UNAUTHORIZED,
            "unauthenticated",
            "The delivery could not be authenticated.",
            path);
        return;
      }
    }

    ParsedDelivery<?> parsed;
    try {
      parsed = endpoint.parser().parse(webhookRequest);
    } catch (WebhookPayloadException e) {
      log.warn("Refused a malformed {} delivery to {}: {}", source, path, e.getMessage());
      reject(response, start, HttpStatus.BAD_REQUEST, "malformed", e.getMessage(), path);
      return;
    } catch (RuntimeException e) {
      log.warn(
          "The {} parser failed with {}; the delivery is refused", source, e.getClass().getName());
      reject(
          response,
          start,
          HttpStatus.BAD_REQUEST,
          "malformed",
          "The body could not be read.",
          path);
      return;
    }
    if (inbox != null) {
      inbox.accept(webhookRequest, parsed, response, start, path);
      return;
    }
    dispatch(parsed, response, start, path);
  }

  private void dispatch(
      ParsedDelivery<?> parsed, HttpServletResponse response, long start, String path)
      throws IOException {
    String source = endpoint.source();
    String key = parsed.delivery().idempotencyKey();
    String type = parsed.eventType();
    Acquisition acquisition;
    try {
      acquisition = store.acquire(source, key);
    } catch (RuntimeException e) {
      log.warn("The delivery store failed for {} delivery {}; answering 503", source, key, e);
      response.setHeader("Retry-After", "30");
      finish(
          response,
          start,
          type,
          "store_unavailable",
          HttpStatus.SERVICE_UNAVAILABLE,
          "Deliveries cannot be recorded right now; retry later.",
          path);
      return;
    }
    switch (acquisition.status()) {
      case HANDLED -> {
        log.debug("{} delivery {} was handled already; not publishing it again", source, key);
        metrics.record(source, type, "duplicate", System.nanoTime() - start);
        Problems.ok(response, Problems.Ack.DUPLICATE);
      }
      case IN_PROGRESS -> {
        log.info("{} delivery {} is being handled already; answering 409", source, key);
        response.setHeader("Retry-After", "5");
        finish(
            response,
            start,
            type,
            "in_progress",
            HttpStatus.CONFLICT,
            "The same delivery is being handled right now; retry later.",
            path);
      }
      case ACQUIRED -> publish(parsed, acquisition.holder(), response, start, path);
      default -> throw new IllegalStateException(acquisition.status().name());
    }
  }

  private void publish(
      ParsedDelivery<?> parsed,
      String holder,
      HttpServletResponse response,
      long start,
      String path)
      throws IOException {
    String source = endpoint.source();
    String key = parsed.delivery().idempotencyKey();
    String type = parsed.eventType();
    try {
      publisher.publishEvent(parsed.event());
    } catch (Error e) {
      release(key, holder);
      throw e;
    } catch (RuntimeException e) {
      release(key, holder);
      log.error(
          "A listener failed on {} delivery {} ({}); released for the platform's retry",
          source,
          key,
          type,
          e);
      finish(
          response,
          start,
          type,
          "listener_failed",
          HttpStatus.INTERNAL_SERVER_ERROR,
          "The delivery could not be handled; it was not recorded, so a retry will be handled.",
          path);
      return;
    }
    try {
      if (!store.markHandled(source, key, holder)) {
        log.warn(
            "{} delivery {} was handled after its lease ran out; it may be handled twice",
            source,
            key);
      }
    } catch (RuntimeException e) {
      log.error("{} delivery {} was handled but could not be recorded as handled", source, key, e);
    }
    metrics.record(source, type, "handled", System.nanoTime() - start);
    Problems.ok(response, Problems.Ack.HANDLED);
  }

  private void release(String key, String holder) {
    try {
      store.release(endpoint.source(), key, holder);
    } catch (RuntimeException e) {
      log.error(
          "Could not release {} delivery {}; its retry waits for the lease to run out",
          endpoint.source(),
          key,
          e);
    }
  }

  private void reject(
      HttpServletResponse response,
      long start,
      HttpStatus status,
      String outcome,
      String detail,
      String path)
      throws IOException {
    finish(response, start, NONE, outcome, status, detail, path);
  }

  private void finish(
      HttpServletResponse response,
      long start,
      String type,
      String outcome,
      HttpStatus status,
      String detail,
      String path)
      throws IOException {
    metrics.record(endpoint.source(), type, outcome, System.nanoTime() - start);
    Problems.write(response, status, detail, path);
  }

  /**
   * Reads at most {@code max} bytes; returns null when the stream holds more. A declared length
   * (already checked against the limit) sizes the buffer exactly, so a body is read with one copy.
   */
  static byte[] readCapped(InputStream in, long max, long declaredLength) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    long total = 0;
    if (declaredLength >= 0 && declaredLength <= max) {
      // Straight into an array of the declared size: readNBytes(int) would read into chunks of
      // 8 KB and copy them into the result, which showed in the profile of 20 KB deliveries.
      byte[] body = new byte[(int) declaredLength];
      int read = in.readNBytes(body, 0, body.length);
      if (read < body.length) {
        return Arrays.copyOf(body, read); // the client sent less than it declared
      }
      int next = in.read();
      if (next == -1) {
        return body;
      }
      // more than declared (a container that does not enforce Content-Length): read on, capped
      out.write(body);
      out.write(next);
      total = body.length + 1L;
    }
    byte[] buffer = new byte[8192];
    int n;
    while (total <= max && (n = in.read(buffer)) != -1) {
      total += n;
      out.write(buffer, 0, n);
    }
    return total > max ? null : out.toByteArray();
  }

  private static List<String> values(HttpServletRequest request, String name) {
    return Collections.list(request.getHeaders(name));
  }

  private static Map<String, List<String>> headers(HttpServletRequest request) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (String name : Collections.list(request.getHeaderNames())) {
      headers.put(name, values(request, name));
    }
    return headers;
  }

  static Map<String, List<String>> query(String queryString) {
    Map<String, List<String>> params = new LinkedHashMap<>();
    if (queryString == null || queryString.isEmpty()) {
      return params;
    }
    for (String pair : queryString.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      try {
        String name =
            URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
        String value =
            eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        params.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
      } catch (IllegalArgumentException malformed) {
        // a parameter with a broken %-escape is ignored
      }
    }
    return params;
  }
}
