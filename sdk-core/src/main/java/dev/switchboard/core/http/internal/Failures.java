package dev.switchboard.core.http.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.core.Secret;
import dev.switchboard.core.http.ApiException;
import dev.switchboard.core.http.ApiFailure;
import dev.switchboard.core.http.ApiRequest;
import dev.switchboard.core.http.ApiResponse;
import dev.switchboard.core.http.AuthenticationException;
import dev.switchboard.core.http.ClientErrorException;
import dev.switchboard.core.http.InvalidRequestException;
import dev.switchboard.core.http.NotFoundException;
import dev.switchboard.core.http.RateLimitedException;
import dev.switchboard.core.http.ServerException;
import dev.switchboard.core.http.TransportException;
import dev.switchboard.core.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/** Turns a failed call into the public exception that says what happened and what to do. */
final class Failures {

  static final int BODY_LIMIT = 2048;

  private final String platform;
  private final List<Secret> secrets;
  private final String credentialsHint;

  Failures(String platform, List<Secret> secrets, String credentialsHint) {
    this.platform = platform;
    this.secrets = secrets;
    this.credentialsHint = credentialsHint;
  }

  ApiException fromResponse(ApiRequest request, ApiResponse response, Duration retryAfter) {
    int status = response.status();
    String body = mask(cut(response.body()));
    String platformMessage = mask(platformMessage(response.body()));
    ApiFailure failure =
        new ApiFailure(
            platform,
            request.method().name(),
            request.pathOnly(),
            status,
            response.attempts(),
            body,
            platformMessage);
    String head =
        platform
            + ": "
            + request.method().name()
            + " "
            + request.pathOnly()
            + " was answered "
            + status
            + " after "
            + attempts(response.attempts())
            + (platformMessage == null ? "" : " (\"" + platformMessage + "\")")
            + ". ";
    if (status == 401 || status == 403) {
      return new AuthenticationException(
          head
              + (status == 401
                  ? "The credentials were refused: check " + credentialsHint + "."
                  : "The credentials are valid but not allowed to do this: check their permissions"
                      + " and the id in the path."),
          failure,
          null);
    }
    if (status == 400 || status == 422) {
      return new InvalidRequestException(
          head + "Fix the request; sending it unchanged fails again.", failure, null);
    }
    if (status == 404) {
      return new NotFoundException(
          head + "Check the id in the path and the platform's base URL.", failure, null);
    }
    if (status == 429) {
      return new RateLimitedException(
          head
              + (retryAfter == null
                  ? "Slow down before sending more."
                  : "The platform asks to wait "
                      + retryAfter.toSeconds()
                      + " s before sending more."),
          failure,
          retryAfter);
    }
    if (status >= 500) {
      return new ServerException(
          head
              + (request.idempotent()
                  ? "The platform failed; try again later."
                  : "The platform failed; it may or may not have acted on the request, so check"
                      + " before sending it again."),
          failure,
          null);
    }
    return new ClientErrorException(head + "The platform refused the request.", failure, null);
  }

  TransportException fromIo(ApiRequest request, IOException cause, boolean sent, int attempts) {
    ApiFailure failure =
        new ApiFailure(
            platform, request.method().name(), request.pathOnly(), 0, attempts, "", null);
    String what =
        sent
            ? "got no answer in time after "
                + attempts(attempts)
                + " ("
                + describe(cause)
                + "). "
                + (request.idempotent()
                    ? "Try again later, or raise the read time-out."
                    : "The request was sent and may have been acted on: check before sending it"
                        + " again.")
            : "could not connect after "
                + attempts(attempts)
                + " ("
                + describe(cause)
                + "). Check the base URL and the network.";
    return new TransportException(
        platform + ": " + request.method().name() + " " + request.pathOnly() + " " + what,
        failure,
        sent,
        cause);
  }

  private String describe(IOException cause) {
    String name = cause.getClass().getSimpleName();
    String message = cause.getMessage();
    return message == null || message.isBlank() ? name : name + ": " + mask(message);
  }

  private static String attempts(int n) {
    return n == 1 ? "1 attempt" : n + " attempts";
  }

  String mask(String text) {
    String out = text;
    for (Secret secret : secrets) {
      out = secret.redact(out);
    }
    return out;
  }

  private static String cut(byte[] body) {
    if (body.length <= BODY_LIMIT) {
      return new String(body, StandardCharsets.UTF_8);
    }
    String text = new String(body, 0, BODY_LIMIT, StandardCharsets.UTF_8);
    // a multi-byte character cut in two decodes as U+FFFD at the end: drop it
    if (text.endsWith("\uFFFD")) {
      text = text.substring(0, text.length() - 1);
    }
    return text + "…";
  }

  /** The platform's message, from the usual places in a JSON error body. */
  static String platformMessage(byte[] body) {
    if (body.length == 0) {
      return null;
    }
    JsonNode node;
    try {
      node = Json.mapper().readTree(body);
    } catch (IOException e) {
      return null;
    }
    if (node == null || !node.isObject()) {
      return null;
    }
    for (String field : List.of("message", "error_description", "detail", "error", "title")) {
      JsonNode value = node.get(field);
      if (value != null && value.isTextual() && !value.asText().isBlank()) {
        return shorten(value.asText());
      }
      if (value != null && value.isObject() && value.path("message").isTextual()) {
        return shorten(value.path("message").asText());
      }
    }
    JsonNode errors = node.get("errors");
    if (errors != null && errors.isArray() && !errors.isEmpty()) {
      JsonNode first = errors.get(0);
      String text = first.isTextual() ? first.asText() : first.path("message").asText(null);
      return text == null ? shorten(first.toString()) : shorten(text);
    }
    return null;
  }

  private static String shorten(String text) {
    return text.length() <= 500 ? text : text.substring(0, 500) + "…";
  }
}
