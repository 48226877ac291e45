package dev.switchboard.futwork.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.core.json.internal.Json;
import dev.switchboard.core.testing.Fixtures;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.Environment;

/** Bad requests get the right 4xx and a problem body, and the application keeps serving. */
@SpringBootTest(
    classes = TestApp.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "futwork.webhook.secret=" + Http.SECRET)
@ExtendWith(OutputCaptureExtension.class)
class FutworkRequestErrorsTest {

  @Autowired Recorder recorder;
  @Autowired Environment environment;
  Http http;

  @BeforeEach
  void setUp() {
    recorder.reset();
    http = new Http(Integer.parseInt(environment.getRequiredProperty("local.server.port")));
  }

  private HttpResponse<String> post(String contentType, HttpRequest.BodyPublisher body) {
    return Http.send(
        http.request("/webhooks/futwork")
            .header("Content-Type", contentType)
            .header("X-Webhook-Secret", Http.SECRET)
            .POST(body)
            .build());
  }

  private static JsonNode problem(HttpResponse<String> response, int status) throws Exception {
    assertThat(response.statusCode()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
    JsonNode problem = Json.mapper().readTree(response.body());
    assertThat(problem.path("status").asInt()).isEqualTo(status);
    assertThat(problem.path("title").asText()).isNotBlank();
    assertThat(problem.path("type").asText()).isEqualTo("about:blank");
    assertThat(problem.path("detail").asText()).isNotBlank();
    assertThat(problem.path("instance").asText()).isEqualTo("/webhooks/futwork");
    assertThat(response.body()).doesNotContain("Exception", "at dev.", "at org.", Http.SECRET);
    return problem;
  }

  private void stillServing() throws Exception {
    var node =
        (com.fasterxml.jackson.databind.node.ObjectNode)
            Json.mapper().readTree(Fixtures.payload("futwork-campaign-post-call.json"));
    node.put("callSid", UUID.randomUUID().toString());
    int before = recorder.handled.size();
    assertThat(http.deliver(Json.mapper().writeValueAsBytes(node)).statusCode()).isEqualTo(200);
    assertThat(recorder.handled).hasSize(before + 1);
  }

  private static byte[] oversized() {
    byte[] body = new byte[1024 * 1024 + 100];
    Arrays.fill(body, (byte) ' ');
    body[0] = '{';
    body[body.length - 1] = '}';
    return body;
  }

  @Test
  void oversizedBodyWithContentLengthIs413() throws Exception {
    problem(post("application/json", HttpRequest.BodyPublishers.ofByteArray(oversized())), 413);
    stillServing();
  }

  @Test
  void oversizedChunkedBodyIs413() throws Exception {
    byte[] body = oversized();
    // no Content-Length: the size is found while reading, capped at the limit
    problem(
        post(
            "application/json",
            HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))),
        413);
    assertThat(recorder.handled).isEmpty();
    stillServing();
  }

  @Test
  void formMultipartAndXmlAre415() throws Exception {
    problem(
        post("application/x-www-form-urlencoded", HttpRequest.BodyPublishers.ofString("a=b")), 415);
    problem(
        post(
            "multipart/form-data; boundary=XyZ",
            HttpRequest.BodyPublishers.ofString(
                "--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n{}\r\n--XyZ--\r\n")),
        415);
    problem(post("multipart/form-data", HttpRequest.BodyPublishers.ofString("{}")), 415);
    problem(post("application/xml", HttpRequest.BodyPublishers.ofString("<a/>")), 415);
    problem(post("text/xml", HttpRequest.BodyPublishers.ofString("<a/>")), 415);
    assertThat(recorder.handled).isEmpty();
    stillServing();
  }

  @Test
  void jsonUnderAnyOtherLabelOrNoneIsHandled() throws Exception {
    String[] labels = {
      "text/plain", "application/octet-stream", "*/*", "not a media type", null,
    };
    for (String label : labels) {
      var node =
          (com.fasterxml.jackson.databind.node.ObjectNode)
              Json.mapper().readTree(Fixtures.payload("futwork-campaign-post-call.json"));
      node.put("callSid", UUID.randomUUID().toString());
      HttpRequest.Builder request =
          http.request("/webhooks/futwork")
              .header("X-Webhook-Secret", Http.SECRET)
              .POST(HttpRequest.BodyPublishers.ofByteArray(Json.mapper().writeValueAsBytes(node)));
      if (label != null) {
        request.header("Content-Type", label);
      }
      HttpResponse<String> response = Http.send(request.build());
      assertThat(response.statusCode()).as(String.valueOf(label)).isEqualTo(200);
    }
    assertThat(recorder.campaigns).hasSize(labels.length);
  }

  @Test
  void aBodyThatIsNotJsonUnderALabelThatIsNotJsonsIs400() throws Exception {
    problem(post("text/plain", HttpRequest.BodyPublishers.ofString("hello")), 400);
    assertThat(recorder.handled).isEmpty();
  }

  @Test
  void wrongMethodIs405WithAllow() throws Exception {
    for (String method : new String[] {"GET", "PUT", "DELETE", "PATCH"}) {
      HttpResponse<String> response =
          Http.send(
              http.request("/webhooks/futwork")
                  .header("Content-Type", "application/json")
                  .header("X-Webhook-Secret", Http.SECRET)
                  .method(method, HttpRequest.BodyPublishers.ofString("{}"))
                  .build());
      problem(response, 405);
      assertThat(response.headers().firstValue("Allow")).contains("POST");
    }
    stillServing();
  }

  @Test
  void malformedJsonIs400WithoutEchoingTheBody(CapturedOutput output) throws Exception {
    String marker = "confidential-customer-note";
    for (String body :
        new String[] {"{\"callSid\": " + marker + "}", "{\"a\":1} trailing-" + marker, "", "{"}) {
      HttpResponse<String> response =
          post(
              "application/json",
              HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
      problem(response, 400);
      assertThat(response.body()).doesNotContain(marker);
    }
    assertThat(output.getAll()).doesNotContain(marker);
    assertThat(recorder.handled).isEmpty();
    stillServing();
  }
}
