package dev.switchboard.sandbox.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import dev.switchboard.core.json.internal.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reading requests and writing JSON answers on the JDK's HTTP server. */
final class Http {

  private static final int MAX_BODY = 1024 * 1024;

  private Http() {}

  static byte[] body(HttpExchange exchange) throws IOException {
    try (InputStream in = exchange.getRequestBody()) {
      byte[] bytes = in.readNBytes(MAX_BODY + 1);
      if (bytes.length > MAX_BODY) {
        throw new BadRequest(413, "The body is larger than 1 MB.");
      }
      return bytes;
    }
  }

  static JsonNode jsonBody(HttpExchange exchange) throws IOException {
    return jsonBody(body(exchange));
  }

  static JsonNode jsonBody(byte[] bytes) {
    if (bytes.length == 0) {
      throw new BadRequest(400, "The body is empty: send a JSON object.");
    }
    try {
      JsonNode node = Json.mapper().readTree(bytes);
      if (node == null || !node.isObject()) {
        throw new BadRequest(400, "The body must be a JSON object.");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw new BadRequest(400, "The body is not valid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new BadRequest(400, "The body could not be read: " + e.getMessage());
    }
  }

  static void json(HttpExchange exchange, int status, Object body) throws IOException {
    byte[] bytes = Json.mapper().writeValueAsBytes(body);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    if (status == 204) {
      exchange.sendResponseHeaders(204, -1);
      exchange.close();
      return;
    }
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  static void empty(HttpExchange exchange, int status) throws IOException {
    exchange.sendResponseHeaders(status, -1);
    exchange.close();
  }

  static Map<String, Object> error(String message) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("success", false);
    body.put("message", message);
    return body;
  }

  static Map<String, Object> error(String message, String field) {
    Map<String, Object> body = error(message);
    body.put("field", field);
    return body;
  }

  /** A request the sandbox refuses, with the status and the message to answer. */
  static final class BadRequest extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final int status;
    final transient Map<String, Object> body;

    BadRequest(int status, String message) {
      this(status, error(message));
    }

    BadRequest(int status, Map<String, Object> body) {
      super(String.valueOf(body.get("message")), null, false, false);
      this.status = status;
      this.body = body;
    }
  }
}
