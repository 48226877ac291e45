package dev.switchboard.workflux.autoconfigure;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.switchboard.core.json.internal.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Actuator's own health endpoint, over real HTTP, shows the workflux contributor on both lines. */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "workflux.client-id=client-abc",
      "workflux.client-secret=cs_actuator_0a9b8c7d",
      "workflux.connectivity.timeout=20s",
      "management.endpoint.health.show-details=always",
      "management.endpoints.web.exposure.include=health"
    })
class WorkFluxActuatorHealthTest {

  static final WireMockServer workflux =
      new WireMockServer(WireMockConfiguration.wireMockConfig().dynamicPort());

  static {
    workflux.start();
    workflux.stubFor(
        post("/v1/auth/token")
            .willReturn(okJson("{\"access_token\":\"tok-h\",\"expires_in\":3600}")));
    workflux.stubFor(get("/v1/agents?limit=1").willReturn(okJson("{\"data\":[]}")));
  }

  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class App {}

  @DynamicPropertySource
  static void baseUrl(DynamicPropertyRegistry registry) {
    registry.add("workflux.base-url", () -> workflux.baseUrl() + "/v1");
  }

  @AfterAll
  static void stop() {
    workflux.stop();
  }

  @Autowired Environment environment;

  @Test
  void theHealthEndpointReportsWorkFlux() throws Exception {
    int port = environment.getRequiredProperty("local.server.port", Integer.class);
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());

    JsonNode json = Json.mapper().readTree(response.body());
    assertThat(json.at("/components/workflux/status").asText()).as(response.body()).isEqualTo("UP");
    assertThat(json.at("/components/workflux/details/detail").asText())
        .isEqualTo("GET /agents answered 200");
    assertThat(response.body()).doesNotContain("cs_actuator_0a9b8c7d").doesNotContain("tok-h");
  }
}
