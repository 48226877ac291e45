package dev.switchboard.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Hostile requests to a receiver, by category, over real HTTP: each answer must be a 2xx with a
 * constant body or a 4xx (an RFC 9457 problem when the SDK answers), never a 5xx, never a stack
 * trace, never a value the sender chose; and the receiver keeps serving. The same catalogue runs
 * against every receiver of the SDK.
 */
public final class HostileRequests {

  /** A value planted in every sender-controlled place; no answer may hold it. */
  public static final String MARKER = "reflected-7f3a91";

  /** One request sent and what came back. */
  public record Exchange(
      String category, String what, int status, String contentType, String body) {

    @Override
    public String toString() {
      return category + " / " + what + " -> " + status + " " + contentType + " " + body;
    }
  }

  private final int port;
  private final String path;
  private final String query;
  private final Function<byte[], Map<String, String>> auth;
  private final List<Exchange> exchanges = new ArrayList<>();

  /**
   * Targets a receiver.
   *
   * @param port the application's port
   * @param path the receiver's path
   * @param query the query string that authenticates (such as {@code token=...}), or empty
   * @param auth the headers that authenticate a body (a signature may depend on it)
   */
  public HostileRequests(
      int port, String path, String query, Function<byte[], Map<String, String>> auth) {
    this.port = port;
    this.path = path;
    this.query = query;
    this.auth = auth;
  }

  /**
   * Every exchange so far.
   *
   * @return the exchanges
   */
  public List<Exchange> exchanges() {
    return List.copyOf(exchanges);
  }

  private String target() {
    return query.isEmpty() ? path : path + "?" + query;
  }

  private HttpRequest.Builder authenticated(String pathAndQuery, byte[] body) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + pathAndQuery))
            .timeout(Duration.ofSeconds(60));
    auth.apply(body).forEach(builder::header);
    return builder;
  }

  /**
   * Sends an authenticated POST.
   *
   * @param category the category
   * @param what what is sent
   * @param contentType the label, or null for none
   * @param body the body
   * @return the exchange
   */
  public Exchange post(String category, String what, String contentType, byte[] body) {
    HttpRequest.Builder builder =
        authenticated(target(), body).POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (contentType != null) {
      builder.header("Content-Type", contentType);
    }
    return send(category, what, builder.build());
  }

  private Exchange post(String category, String what, String body) {
    return post(category, what, "application/json", body.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Sends a request and records the answer.
   *
   * @param category the category
   * @param what what is sent
   * @param request the request
   * @return the exchange
   */
  public Exchange send(String category, String what, HttpRequest request) {
    HttpResponse<String> response = ReceiverClient.send(request);
    Exchange exchange =
        new Exchange(
            category,
            what,
            response.statusCode(),
            response.headers().firstValue("Content-Type").orElse(""),
            response.body());
    exchanges.add(exchange);
    return exchange;
  }

  /**
   * Every category that may be answered 2xx or 4xx alike: malformed, wrong types, deep nesting,
   * oversized, unicode, injection, duplicate keys, header abuse, methods.
   *
   * @param fieldNames the platform's field names to abuse
   */
  public void everyCategory(List<String> fieldNames) {
    malformed();
    wrongTypes(fieldNames);
    deepNesting();
    oversized(1024 * 1024);
    unicode();
    injection();
    duplicateKeys(fieldNames);
    headerAbuse();
    methods();
  }

  /**
   * The forms a secret could take in a log line or a body: raw, URL-encoded (both ways of encoding
   * a space), JSON-escaped and Base64.
   *
   * @param secret the secret
   * @return the forms, none of which may appear
   */
  public static List<String> encodings(String secret) {
    String encoded = encode(secret);
    return List.of(
        secret,
        encoded,
        encoded.replace("+", "%20"),
        secret.replace("\\", "\\\\").replace("\"", "\\\""),
        java.util.Base64.getEncoder().encodeToString(secret.getBytes(StandardCharsets.UTF_8)));
  }

  /** Malformed JSON, empty bodies, bytes that are not UTF-8. */
  public void malformed() {
    for (String body :
        List.of(
            "{",
            "{\"a\":",
            "not json " + MARKER,
            "{\"a\":1} trailing-" + MARKER,
            "",
            " ",
            "{\"a\":\"" + MARKER,
            "{'single':'" + MARKER + "'}",
            "{\"a\":NaN}",
            "{\"a\":01}",
            "{,}",
            "\u0000\u0000")) {
      post("malformed", body, body);
    }
    post(
        "malformed",
        "invalid UTF-8",
        "application/json",
        new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'});
  }

  /**
   * Well-formed objects whose fields have every wrong type.
   *
   * @param fieldNames the platform's field names to abuse
   */
  public void wrongTypes(List<String> fieldNames) {
    List<String> values =
        List.of(
            "123",
            "-1.5e308",
            "true",
            "null",
            "[\"" + MARKER + "\"]",
            "{\"x\":\"" + MARKER + "\"}",
            "\"" + MARKER + "\"",
            "99999999999999999999999999999");
    for (String value : values) {
      StringBuilder body = new StringBuilder("{");
      for (String name : fieldNames) {
        body.append(body.length() > 1 ? "," : "").append('"').append(name).append("\":");
        body.append(value);
      }
      post("wrong types", "every field " + value, body.append('}').toString());
    }
  }

  /** Top-level values that are not an object; each must be a 400 problem. */
  public void nonObjects() {
    for (String body :
        List.of("[]", "\"" + MARKER + "\"", "1", "-1.5", "true", "false", "null", "[{}, {}]")) {
      Exchange exchange = post("non-object", body, body);
      assertThat(exchange.status()).as(exchange.toString()).isEqualTo(400);
    }
  }

  /** Arrays and objects nested far deeper than any delivery. */
  public void deepNesting() {
    int depth = 5000;
    post("deep nesting", "arrays", "[".repeat(depth) + "]".repeat(depth));
    post("deep nesting", "objects", "{\"a\":".repeat(depth) + "1" + "}".repeat(depth));
    post(
        "deep nesting",
        "inside an object",
        "{\"data\":" + "[".repeat(depth) + "]".repeat(depth) + "}");
  }

  /**
   * Bodies over the limit, declared and chunked.
   *
   * @param limit the receiver's limit in bytes
   */
  public void oversized(int limit) {
    byte[] body = new byte[limit + 100];
    Arrays.fill(body, (byte) ' ');
    body[0] = '{';
    body[body.length - 1] = '}';
    Exchange declared = post("oversized", "with Content-Length", "application/json", body);
    assertThat(declared.status()).as(declared.toString()).isEqualTo(413);
    Exchange chunked =
        send(
            "oversized",
            "chunked",
            authenticated(target(), body)
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build());
    assertThat(chunked.status()).as(chunked.toString()).isEqualTo(413);
  }

  /** Form, multipart (with and without boundary) and XML: each must be a 415 problem. */
  public void refusedContentTypes() {
    Map<String, String> refused = new LinkedHashMap<>();
    refused.put("application/x-www-form-urlencoded", "a=" + MARKER);
    refused.put(
        "multipart/form-data; boundary=XyZ",
        "--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n" + MARKER + "\r\n--XyZ--\r\n");
    refused.put("multipart/form-data", "--XyZ\r\n\r\n" + MARKER + "\r\n--XyZ--\r\n");
    refused.put("multipart/form-data; boundary=", "garbage " + MARKER);
    refused.put("MULTIPART/mixed; boundary=q", "--q\r\n\r\n{}\r\n--q--\r\n");
    refused.put("application/xml", "<a>" + MARKER + "</a>");
    refused.put("text/xml; charset=utf-8", "<a>" + MARKER + "</a>");
    refused.put("application/soap+xml", "<a>" + MARKER + "</a>");
    byte[] noBoundary = ("--XyZ\r\n\r\n" + MARKER + "\r\n").getBytes(StandardCharsets.UTF_8);
    Exchange withPathParameter =
        send(
            "content types",
            "multipart without boundary, path parameter",
            authenticated(
                    path + ";jsessionid=" + MARKER + (query.isEmpty() ? "" : "?" + query),
                    noBoundary)
                .header("Content-Type", "multipart/form-data")
                .POST(HttpRequest.BodyPublishers.ofByteArray(noBoundary))
                .build());
    assertThat(withPathParameter.status()).as(withPathParameter.toString()).isEqualTo(415);
    for (Map.Entry<String, String> entry : refused.entrySet()) {
      Exchange exchange =
          post(
              "content types",
              entry.getKey(),
              entry.getKey(),
              entry.getValue().getBytes(StandardCharsets.UTF_8));
      assertThat(exchange.status()).as(exchange.toString()).isEqualTo(415);
      assertThat(exchange.contentType()).startsWith("application/problem+json");
    }
  }

  /**
   * A valid delivery under labels that are not JSON's own: each must be handled.
   *
   * @param valid makes a fresh, valid delivery body
   */
  public void acceptedContentTypes(java.util.function.Supplier<byte[]> valid) {
    List<String> labels =
        Arrays.asList(
            "text/plain",
            "text/plain; charset=UTF-8",
            "application/octet-stream",
            "*/*",
            "application/vnd.platform+json",
            "%%% not a media type",
            null);
    for (String label : labels) {
      Exchange exchange = post("content types", "JSON labelled " + label, label, valid.get());
      assertThat(exchange.status()).as(exchange.toString()).isEqualTo(200);
      assertThat(exchange.body()).isEqualTo("{\"status\":\"handled\"}");
    }
  }

  /** Every method but POST: 405. */
  public void methods() {
    for (String method : List.of("GET", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD")) {
      HttpRequest.Builder builder = authenticated(target(), new byte[0]);
      HttpRequest request =
          "GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method)
              ? builder.method(method, HttpRequest.BodyPublishers.noBody()).build()
              : builder
                  .header("Content-Type", "application/json")
                  .method(method, HttpRequest.BodyPublishers.ofString("{}"))
                  .build();
      Exchange exchange = send("methods", method, request);
      assertThat(exchange.status()).as(exchange.toString()).isEqualTo(405);
    }
  }

  /** Text from every corner of Unicode, escaped and raw, and other encodings. */
  public void unicode() {
    for (String value :
        List.of(
            "emoji \uD83D\uDE00 " + MARKER,
            "rtl \u202E" + MARKER,
            "zero\u200Bwidth",
            "\\ud800 lone surrogate escaped",
            "\\u0000 nul escaped",
            "\uFEFFbom inside")) {
      post("unicode", value, "{\"a\":\"" + value + "\",\"b\":{\"\u00E9\u4E2D\":1}}");
    }
    post(
        "unicode",
        "UTF-8 BOM",
        "application/json",
        ("\uFEFF{\"a\":\"" + MARKER + "\"}").getBytes(StandardCharsets.UTF_8));
    post(
        "unicode",
        "UTF-16",
        "application/json; charset=UTF-16",
        ("{\"a\":\"" + MARKER + "\"}").getBytes(StandardCharsets.UTF_16));
  }

  /** Values aimed at templates, logs, SQL and lookups downstream. */
  public void injection() {
    for (String value :
        List.of(
            "${jndi:ldap://127.0.0.1/" + MARKER + "}",
            "${env:AWS_SECRET_ACCESS_KEY}-" + MARKER,
            "'; DROP TABLE switchboard_webhook_delivery; --" + MARKER,
            "<script>alert('" + MARKER + "')</script>",
            "line\\r\\nINFO forged log line " + MARKER,
            "#{7*7}{{7*7}}" + MARKER)) {
      post("injection", value, "{\"id\":\"" + value + "\",\"callSid\":\"" + value + "\"}");
    }
    String encoded = URLEncoder.encode("<script>" + MARKER, StandardCharsets.UTF_8);
    send(
        "injection",
        "query parameter",
        authenticated(target() + (query.isEmpty() ? "?" : "&") + "x=" + encoded, new byte[0])
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{"))
            .build());
    send(
        "injection",
        "matrix parameter in the path",
        authenticated(path + ";x=" + MARKER + (query.isEmpty() ? "" : "?" + query), new byte[0])
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{"))
            .build());
  }

  /** The same key several times, with values of different kinds. */
  public void duplicateKeys(List<String> fieldNames) {
    for (String name : fieldNames) {
      post(
          "duplicate keys",
          name,
          "{\""
              + name
              + "\":\"a\",\""
              + name
              + "\":{\"b\":1},\""
              + name
              + "\":\""
              + MARKER
              + "\"}");
    }
  }

  /** Headers no sender should send, over the wire as they are. */
  public void headerAbuse() {
    byte[] body = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
    HttpRequest.Builder longHeader =
        authenticated(target(), body)
            .header("Content-Type", "application/json")
            .header("X-Long", MARKER + "x".repeat(6000))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    send("header abuse", "a 6 KB header", longHeader.build());
    HttpRequest.Builder many =
        authenticated(target(), body).POST(HttpRequest.BodyPublishers.ofByteArray(body));
    for (int i = 0; i < 50; i++) {
      many.header("Content-Type", i % 2 == 0 ? "application/json" : "text/xml");
    }
    send("header abuse", "50 Content-Type headers", many.build());
    raw("header abuse", "Content-Length larger than the body", "Content-Length: 500\r\n", "{}");
    raw("header abuse", "Content-Length not a number", "Content-Length: " + MARKER + "\r\n", "{}");
    raw(
        "header abuse",
        "malformed chunks",
        "Transfer-Encoding: chunked\r\n",
        "zz\r\n" + MARKER + "\r\n0\r\n\r\n");
    raw("header abuse", "obsolete line folding", "X-Folded: a\r\n " + MARKER + "\r\n", "{}");
    raw(
        "header abuse",
        "Content-Type with control characters",
        "Content-Type: application/json\u0001" + MARKER + "\r\n",
        "{}");
  }

  /** Sends a request by hand, for what java.net.http refuses to send. */
  private void raw(String category, String what, String extraHeaders, String body) {
    StringBuilder request = new StringBuilder("POST " + target() + " HTTP/1.1\r\n");
    request.append("Host: localhost:").append(port).append("\r\n");
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    auth.apply(bytes).forEach((k, v) -> request.append(k).append(": ").append(v).append("\r\n"));
    if (!extraHeaders.contains("Content-Type")) {
      request.append("Content-Type: application/json\r\n");
    }
    if (!extraHeaders.contains("Content-Length") && !extraHeaders.contains("Transfer-Encoding")) {
      request.append("Content-Length: ").append(bytes.length).append("\r\n");
    }
    request.append(extraHeaders).append("Connection: close\r\n\r\n").append(body);
    try (Socket socket = new Socket("localhost", port)) {
      socket.setSoTimeout(15_000);
      OutputStream out = socket.getOutputStream();
      out.write(request.toString().getBytes(StandardCharsets.UTF_8));
      out.flush();
      if (extraHeaders.startsWith("Content-Length: 500")) {
        socket.shutdownOutput(); // the rest of the announced body never comes
      }
      InputStream in = socket.getInputStream();
      String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      int status = answer.length() >= 12 ? Integer.parseInt(answer.substring(9, 12)) : 0;
      int split = answer.indexOf("\r\n\r\n");
      String headers = split < 0 ? answer : answer.substring(0, split);
      String contentType =
          headers
              .lines()
              .filter(l -> l.toLowerCase(java.util.Locale.ROOT).startsWith("content-type:"))
              .map(l -> l.substring(13).strip())
              .findFirst()
              .orElse("");
      exchanges.add(
          new Exchange(
              category, what, status, contentType, split < 0 ? "" : answer.substring(split + 4)));
    } catch (java.net.SocketTimeoutException e) {
      // the server waits for the rest of a body that never comes, then gives up: not an answer
      exchanges.add(new Exchange(category, what, 408, "", ""));
    } catch (IOException e) {
      // the server closed the connection on a request it could not read: no 5xx, nothing echoed
      exchanges.add(new Exchange(category, what, 400, "", ""));
    }
  }

  /**
   * Wrong, missing and malformed credentials: each must be a 401 problem.
   *
   * @param wrongAuth variants of authentication that must fail: a name for each and the request
   *     (path and query, headers) it makes
   */
  public void auth(Map<String, Map.Entry<String, Map<String, String>>> wrongAuth) {
    byte[] body = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
    for (Map.Entry<String, Map.Entry<String, Map<String, String>>> variant : wrongAuth.entrySet()) {
      HttpRequest.Builder builder =
          HttpRequest.newBuilder(
                  URI.create("http://localhost:" + port + variant.getValue().getKey()))
              .timeout(Duration.ofSeconds(60))
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofByteArray(body));
      variant.getValue().getValue().forEach(builder::header);
      Exchange exchange = send("auth", variant.getKey(), builder.build());
      assertThat(exchange.status()).as(exchange.toString()).isEqualTo(401);
      assertThat(exchange.contentType()).startsWith("application/problem+json");
    }
  }

  /**
   * The ways a URL token or a shared-secret header can be wrong, for a receiver of a platform that
   * signs nothing: none, wrong, empty, in another case, renamed, cut short, with a suffix, a wrong
   * one first, huge, a wrong header, malformed Basic, the secret as a Bearer token.
   *
   * @param path the receiver's path
   * @param secret the right secret, from which the wrong variants are made
   * @return the variants, for {@link #auth}
   */
  public static Map<String, Map.Entry<String, Map<String, String>>> wrongSharedSecrets(
      String path, String secret) {
    String token = encode(secret);
    Map<String, Map.Entry<String, Map<String, String>>> wrong = new LinkedHashMap<>();
    wrong.put("no credentials", Map.entry(path, Map.of()));
    wrong.put("wrong token", Map.entry(path + "?token=nope", Map.of()));
    wrong.put("empty token", Map.entry(path + "?token=", Map.of()));
    wrong.put(
        "token in another case",
        Map.entry(path + "?token=" + token.toUpperCase(java.util.Locale.ROOT), Map.of()));
    wrong.put("token parameter renamed", Map.entry(path + "?TOKEN=" + token, Map.of()));
    wrong.put("token cut short", Map.entry(path + "?token=" + token.substring(1), Map.of()));
    wrong.put("token with a suffix", Map.entry(path + "?token=" + token + "%20", Map.of()));
    wrong.put("wrong token first", Map.entry(path + "?token=x&token=" + token, Map.of()));
    wrong.put("a huge token", Map.entry(path + "?token=" + "a".repeat(4000), Map.of()));
    wrong.put("wrong header", Map.entry(path, Map.of("X-Webhook-Secret", "nope")));
    wrong.put("Basic garbage", Map.entry(path, Map.of("Authorization", "Basic !!!" + MARKER)));
    wrong.put(
        "Bearer with the secret", Map.entry(path, Map.of("Authorization", "Bearer " + secret)));
    return wrong;
  }

  /**
   * Checks every exchange: no 5xx, no stack trace, no reflected value, a problem for every 4xx the
   * SDK answered, a constant body for every 2xx.
   */
  public void assertAllSafe() {
    assertThat(exchanges).isNotEmpty();
    for (Exchange exchange : exchanges) {
      assertThat(exchange.status()).as(exchange.toString()).isBetween(200, 499);
      assertThat(exchange.body())
          .as(exchange.toString())
          .doesNotContain(MARKER)
          .doesNotContain("Exception")
          .doesNotContain("\tat ")
          .doesNotContain("at dev.switchboard")
          .doesNotContain("at org.");
      if (exchange.status() < 300) {
        assertThat(exchange.body())
            .as(exchange.toString())
            .isIn("{\"status\":\"handled\"}", "{\"status\":\"duplicate\"}");
      } else if (exchange.contentType().startsWith("application/problem+json")
          && !"HEAD".equals(exchange.what())) {
        assertThat(exchange.body()).as(exchange.toString()).contains("\"status\":");
      }
    }
  }

  /**
   * URL-encodes a value for a query string.
   *
   * @param value the value
   * @return the encoded value
   */
  public static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
