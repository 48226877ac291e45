package dev.switchboard.core.webhook.internal;

import dev.switchboard.core.json.internal.Json;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * Writes RFC 9457 {@code application/problem+json} answers: type, title, status, detail and
 * instance (the path, never the query, which may hold a token). Never a stack trace, never the
 * body, never a credential.
 */
final class Problems {

  static final String PROBLEM_JSON = "application/problem+json";

  private Problems() {}

  static void write(HttpServletResponse response, HttpStatus status, String detail, String path)
      throws IOException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "about:blank");
    body.put("title", status.getReasonPhrase());
    body.put("status", status.value());
    body.put("detail", detail);
    body.put("instance", path);
    byte[] bytes = Json.mapper().writeValueAsBytes(body);
    response.setStatus(status.value());
    response.setContentType(PROBLEM_JSON);
    response.setContentLength(bytes.length);
    response.getOutputStream().write(bytes);
    response.flushBuffer();
  }

  /**
   * The acknowledgement of every delivery: its status only, never the idempotency key or another
   * value the sender chose. Constant bytes, written without the mapper.
   */
  static void ok(HttpServletResponse response, Ack ack) throws IOException {
    response.setStatus(200);
    response.setContentType("application/json");
    response.setContentLength(ack.body.length);
    response.getOutputStream().write(ack.body);
  }

  /** What a 200 says of a delivery. */
  enum Ack {
    /** Published to every listener (synchronous mode). */
    HANDLED,
    /** Committed to the inbox, to be dispatched. */
    ACCEPTED,
    /** Handled or accepted already; not published again. */
    DUPLICATE;

    private final byte[] body =
        ("{\"status\":\"" + name().toLowerCase(Locale.ROOT) + "\"}")
            .getBytes(StandardCharsets.UTF_8);
  }
}
