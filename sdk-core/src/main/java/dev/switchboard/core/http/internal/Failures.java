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
import dev.switchboard.core.http.UnexpectedResponseException;
import dev.switchboard.core.json.internal.Json;
import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.springframework.http.HttpHeaders;

/** Turns a failed call into the public exception that says what happened and what to do. */
final class Failures {

  static final int BODY_LIMIT = 2048;
  static final int EXCERPT_LIMIT = 300;

  private final String platform;
  private final List<Secret> secrets;
  private final String credentialsHint;

  Failures(String platform, List<Secret> secrets, String credentialsHint) {
    this.platform = platform;
    this.secrets = secrets;
    this.credentialsHint = credentialsHint;
  }

  /**
   * The exception for an error answer.
   *
   * @param request the call
   * @param response its last answer, 4xx or 5xx
   * @param retryAfter the wait the answer advised, or null
   * @param waitTooLong whether that wait is longer than the client may make
   */
  ApiException fromResponse(
      ApiRequest request, ApiResponse response, Duration retryAfter, boolean waitTooLong) {
    int status = response.status();
    String text = mask(response.bodyAsString());
    String platformMessage = mask(platformMessage(response.body()));
    ApiFailure failure =
        new ApiFailure(
            platform,
            request.method().name(),
            request.pathOnly(),
            status,
            response.attempts(),
            cut(text),
            platformMessage);
    String quoted = platformMessage != null ? platformMessage : excerpt(text, response);
    String head =
        call(request)
            + " was answered "
            + status
            + " after "
            + attempts(response.attempts())
            + (quoted == null || quoted.isEmpty() ? "" : " (\"" + quoted + "\")")
            + ". ";
    if (waitTooLong || status == 429) {
      String wait =
          retryAfter == null
              ? "Slow down before sending more."
              : "The platform asks to wait "
                  + retryAfter.toSeconds()
                  + " s"
                  + (waitTooLong ? ", longer than max-retry-after allows," : "")
                  + " before sending more.";
      return new RateLimitedException(
          head + (status == 503 ? "The platform is unavailable. " : "") + wait,
          failure,
          retryAfter);
    }
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
    if (status >= 500) {
      boolean unknown =
          !request.safeToRepeat()
              && !CallExecutor.notActedOn(status)
              && !CallExecutor.permanent(status);
      String advice;
      if (unknown) {
        advice =
            "The platform may or may not have acted on the request"
                + (response.attempts() == 1 ? ", so it was not sent again" : "")
                + ": check whether it took effect before resubmitting.";
      } else if (status == 503) {
        advice = "The platform is unavailable; it did not act on the request. Try again later.";
      } else if (CallExecutor.permanent(status)) {
        advice = "The platform does not support this request.";
      } else {
        advice = "The platform failed; try again later.";
      }
      return new ServerException(head + advice, failure, null, unknown);
    }
    return new ClientErrorException(head + "The platform refused the request.", failure, null);
  }

  /**
   * The exception for a success answer that is not the platform's answer.
   *
   * @param request the call
   * @param response the answer
   * @param problem what is wrong with it
   */
  UnexpectedResponseException unexpected(ApiRequest request, ApiResponse response, String problem) {
    String text = mask(response.bodyAsString());
    String contentType = response.header(HttpHeaders.CONTENT_TYPE).map(this::mask).orElse(null);
    String location = response.header(HttpHeaders.LOCATION).map(this::mask).orElse(null);
    ApiFailure failure =
        new ApiFailure(
            platform,
            request.method().name(),
            request.pathOnly(),
            response.status(),
            response.attempts(),
            cut(text),
            null);
    String excerpt = excerpt(text, response);
    boolean unknown = !request.safeToRepeat();
    String message =
        call(request)
            + " was answered "
            + response.status()
            + (contentType == null ? " without a Content-Type" : " with " + contentType)
            + (location == null ? "" : " to " + location)
            + (excerpt == null || excerpt.isEmpty() ? "" : " (\"" + excerpt + "\")")
            + " after "
            + attempts(response.attempts())
            + ": "
            + problem
            + ", not the platform's answer. Check that the base URL points at the platform's API. "
            + (unknown
                ? "Something accepted the request, so it may have been acted on: check whether it"
                    + " took effect before resubmitting."
                : "");
    return new UnexpectedResponseException(message.trim(), failure, contentType, unknown);
  }

  /**
   * The exception for a call its thread was interrupted in.
   *
   * @param request the call
   * @param cause the interruption
   * @param attempts the requests sent
   */
  TransportException interrupted(ApiRequest request, IOException cause, int attempts) {
    ApiFailure failure =
        new ApiFailure(
            platform, request.method().name(), request.pathOnly(), 0, attempts, "", null);
    boolean unknown = !request.safeToRepeat();
    return new TransportException(
        call(request)
            + " was interrupted while waiting for the answer, after "
            + attempts(attempts)
            + "."
            + (unknown
                ? " The request was sent and may have been acted on: check whether it took effect"
                    + " before resubmitting."
                : ""),
        failure,
        unknown,
        cause);
  }

  TransportException fromIo(ApiRequest request, IOException cause, boolean sent, int attempts) {
    ApiFailure failure =
        new ApiFailure(
            platform, request.method().name(), request.pathOnly(), 0, attempts, "", null);
    boolean unknown = sent && !request.safeToRepeat();
    String what =
        sent
            ? "got no answer after "
                + attempts(attempts)
                + " ("
                + describe(cause)
                + "). "
                + (unknown
                    ? "The request was sent and may have been acted on"
                        + (attempts == 1 ? ", so it was not sent again" : "")
                        + ": check whether it took effect before resubmitting."
                    : "Try again later"
                        + (cause instanceof HttpTimeoutException
                            ? ", or raise the read time-out."
                            : "."))
            : "could not connect after "
                + attempts(attempts)
                + " ("
                + describe(cause)
                + "). Nothing was sent: check the base URL and the network.";
    return new TransportException(call(request) + " " + what, failure, unknown, cause);
  }

  private String call(ApiRequest request) {
    return platform + ": " + request.method().name() + " " + request.pathOnly();
  }

  /**
   * The start of a body that is not a JSON error, for a message: markup dropped, white space
   * collapsed, masked already, cut to {@value #EXCERPT_LIMIT} characters.
   */
  private static String excerpt(String masked, ApiResponse response) {
    if (masked.isBlank() || looksLikeJson(response.body())) {
      return null;
    }
    // enough for the excerpt even after markup is dropped, and never a whole large page
    String text =
        masked.length() <= 8 * EXCERPT_LIMIT ? masked : masked.substring(0, 8 * EXCERPT_LIMIT);
    if (text.stripLeading().startsWith("<")) {
      text = text.replaceAll("(?is)<(script|style)[^>]*>.*?</\\1>", " ").replaceAll("<[^>]*>", " ");
    }
    text = text.replaceAll("\\s+", " ").trim();
    return text.length() <= EXCERPT_LIMIT ? text : text.substring(0, EXCERPT_LIMIT) + "…";
  }

  private static boolean looksLikeJson(byte[] body) {
    for (byte b : body) {
      if (b == '{' || b == '[') {
        return true;
      }
      if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
        return false;
      }
    }
    return false;
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

  /** The masked body cut to {@value #BODY_LIMIT} bytes of UTF-8, never in a character. */
  private static String cut(String masked) {
    byte[] bytes = masked.getBytes(StandardCharsets.UTF_8);
    if (bytes.length <= BODY_LIMIT) {
      return masked;
    }
    String text = new String(bytes, 0, BODY_LIMIT, StandardCharsets.UTF_8);
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
