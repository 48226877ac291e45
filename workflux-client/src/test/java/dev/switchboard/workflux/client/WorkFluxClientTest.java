package dev.switchboard.workflux.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.switchboard.core.SwitchboardException;
import dev.switchboard.core.http.ApiException;
import dev.switchboard.core.http.ApiResponse;
import dev.switchboard.core.http.AuthenticationException;
import dev.switchboard.core.http.HttpSettings;
import dev.switchboard.core.http.NotFoundException;
import dev.switchboard.core.http.RetrySettings;
import dev.switchboard.core.http.ServerException;
import dev.switchboard.core.http.UnexpectedResponseException;
import dev.switchboard.core.json.internal.Json;
import dev.switchboard.core.testing.Fixtures;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpMethod;
import org.springframework.http.client.observation.ClientRequestObservationContext;

@ExtendWith(OutputCaptureExtension.class)
class WorkFluxClientTest {

  static final String CLIENT_ID = "client-abc";
  static final String CLIENT_SECRET = "cs_9f8e7d6c5b4a39281706";
  static final String TOKEN = "at_Zm9vYmFyYmF6cXV4MTIzNDU2";
  static final String TOKEN_2 = "at_c2Vjb25kLXRva2VuLTk4NzY1";
  static final String TOKEN_BODY =
      "{\"client_id\":\"client-abc\",\"client_secret\":\""
          + CLIENT_SECRET
          + "\",\"grant_type\":\"client_credentials\"}";

  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  final List<Long> sleeps = new CopyOnWriteArrayList<>();
  final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

  WorkFluxClientBuilder builder() {
    return WorkFluxClient.builder()
        .clientId(CLIENT_ID)
        .clientSecret(CLIENT_SECRET)
        .baseUrl(wm.baseUrl() + "/v1")
        .http(
            new HttpSettings(Duration.ofSeconds(2), Duration.ofSeconds(2), RetrySettings.DEFAULTS))
        .connectivityTimeout(Duration.ofSeconds(20))
        .sleeper(sleeps::add)
        .clock(clock);
  }

  WorkFluxClient client() {
    return builder().build();
  }

  static String token(String value, Integer expiresIn) {
    return "{\"access_token\":\""
        + value
        + "\",\"token_type\":\"Bearer\""
        + (expiresIn == null ? "" : ",\"expires_in\":" + expiresIn)
        + "}";
  }

  @BeforeEach
  void tokenEndpoint() {
    wm.stubFor(post("/v1/auth/token").willReturn(okJson(token(TOKEN, 3600))));
  }

  // --- OAuth ---

  @Test
  void theTokenRequestIsTheDocumentedJsonBodyAndTheTokenGoesAsBearer() {
    wm.stubFor(
        get("/v1/agents")
            .willReturn(
                okJson(
                    "{\"data\":[{\"id\":\"ag_1\",\"name\":\"Ava\",\"status\":\"active\","
                        + "\"voice\":{\"id\":\"v9\"},\"language\":\"en\"}]}")));

    Page<Agent> page = client().listAgents(Map.of());

    wm.verify(
        postRequestedFor(urlEqualTo("/v1/auth/token"))
            .withHeader("Content-Type", equalTo("application/json"))
            .withHeader("Authorization", absent())
            .withRequestBody(equalToJson(TOKEN_BODY)));
    wm.verify(
        getRequestedFor(urlEqualTo("/v1/agents"))
            .withHeader("Authorization", equalTo("Bearer " + TOKEN)));
    Agent agent = page.data().get(0);
    assertThat(agent.id()).isEqualTo("ag_1");
    assertThat(agent.name()).isEqualTo("Ava");
    assertThat(agent.status()).isEqualTo("active");
    assertThat(agent.other()).containsEntry("language", "en").containsKey("voice");
    assertThat(agent.field("voice")).contains(Map.of("id", "v9"));
    assertThat(page.style()).isEqualTo(PagingStyle.NONE);
    assertThat(page.hasNextPage()).isFalse();
  }

  @Test
  void theTokenIsReusedUntilExpiresInMinusTheSkew() {
    wm.stubFor(
        post("/v1/auth/token")
            .inScenario("t")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(okJson(token(TOKEN, 3600)))
            .willSetStateTo("second"));
    wm.stubFor(
        post("/v1/auth/token")
            .inScenario("t")
            .whenScenarioStateIs("second")
            .willReturn(okJson(token(TOKEN_2, 3600))));
    wm.stubFor(get("/v1/agents/a").willReturn(okJson("{\"id\":\"a\"}")));
    WorkFluxClient client = client();

    client.getAgent("a");
    clock.advance(Duration.ofSeconds(3600 - 60 - 1));
    client.getAgent("a");
    wm.verify(1, postRequestedFor(urlEqualTo("/v1/auth/token")));

    clock.advance(Duration.ofSeconds(2));
    client.getAgent("a");

    wm.verify(2, postRequestedFor(urlEqualTo("/v1/auth/token")));
    wm.verify(
        2,
        getRequestedFor(urlEqualTo("/v1/agents/a"))
            .withHeader("Authorization", equalTo("Bearer " + TOKEN)));
    wm.verify(
        1,
        getRequestedFor(urlEqualTo("/v1/agents/a"))
            .withHeader("Authorization", equalTo("Bearer " + TOKEN_2)));
  }

  @Test
  void withoutExpiresInTheTokenIsKeptUntilA401ThenRenewedOnceAndTheCallRetriedOnce() {
    wm.stubFor(
        post("/v1/auth/token")
            .inScenario("t")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(okJson(token(TOKEN, null)))
            .willSetStateTo("second"));
    wm.stubFor(
        post("/v1/auth/token")
            .inScenario("t")
            .whenScenarioStateIs("second")
            .willReturn(okJson(token(TOKEN_2, null))));
    wm.stubFor(
        get("/v1/agents/a")
            .withHeader("Authorization", equalTo("Bearer " + TOKEN))
            .inScenario("revoke")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(okJson("{\"id\":\"a\"}"))
            .willSetStateTo("revoked"));
    wm.stubFor(
        get("/v1/agents/a")
            .withHeader("Authorization", equalTo("Bearer " + TOKEN))
            .inScenario("revoke")
            .whenScenarioStateIs("revoked")
            .willReturn(aResponse().withStatus(401).withBody("{\"message\":\"token revoked\"}")));
    wm.stubFor(
        get("/v1/agents/a")
            .withHeader("Authorization", equalTo("Bearer " + TOKEN_2))
            .willReturn(okJson("{\"id\":\"a\",\"name\":\"again\"}")));
    WorkFluxClient client = client();

    client.getAgent("a");
    clock.advance(Duration.ofDays(30));
    Agent agent = client.getAgent("a");

    assertThat(agent.name()).isEqualTo("again");
    wm.verify(2, postRequestedFor(urlEqualTo("/v1/auth/token")));
    wm.verify(
        2,
        getRequestedFor(urlEqualTo("/v1/agents/a"))
            .withHeader("Authorization", equalTo("Bearer " + TOKEN)));
    wm.verify(
        1,
        getRequestedFor(urlEqualTo("/v1/agents/a"))
            .withHeader("Authorization", equalTo("Bearer " + TOKEN_2)));
  }

  @Test
  void a401AfterRenewalIsAnAuthenticationErrorWithoutLooping() {
    wm.stubFor(get("/v1/agents/a").willReturn(aResponse().withStatus(401)));

    assertThatThrownBy(() -> client().getAgent("a"))
        .isInstanceOf(AuthenticationException.class)
        .hasMessageContaining("workflux.client-id and workflux.client-secret");
    wm.verify(2, getRequestedFor(urlEqualTo("/v1/agents/a")));
    wm.verify(2, postRequestedFor(urlEqualTo("/v1/auth/token")));
  }

  @Test
  void sixteenThreadsWithoutATokenCauseExactlyOneTokenRequest() throws Exception {
    wm.stubFor(post("/v1/auth/token").willReturn(okJson(token(TOKEN, 3600)).withFixedDelay(300)));
    wm.stubFor(get("/v1/agents/a").willReturn(okJson("{\"id\":\"a\"}")));
    WorkFluxClient client = client();
    ExecutorService pool = Executors.newFixedThreadPool(16);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<Agent>> results = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        results.add(
            pool.submit(
                () -> {
                  start.await();
                  return client.getAgent("a");
                }));
      }
      start.countDown();
      for (Future<Agent> f : results) {
        assertThat(f.get().id()).isEqualTo("a");
      }
    } finally {
      pool.shutdownNow();
    }
    wm.verify(1, postRequestedFor(urlEqualTo("/v1/auth/token")));
    wm.verify(
        16,
        getRequestedFor(urlEqualTo("/v1/agents/a"))
            .withHeader("Authorization", equalTo("Bearer " + TOKEN)));
  }

  @Test
  void aRefusedTokenRequestIsAnAuthenticationErrorCarryingThePlatformsMessage(
      CapturedOutput output) {
    wm.stubFor(
        post("/v1/auth/token")
            .willReturn(
                aResponse()
                    .withStatus(401)
                    .withBody(
                        "{\"error\":\"invalid_client\",\"error_description\":\"Client"
                            + " authentication failed for "
                            + CLIENT_SECRET
                            + "\"}")));

    assertThatThrownBy(() -> client().getAgent("a"))
        .isInstanceOfSatisfying(
            AuthenticationException.class,
            e -> {
              assertThat(e.getMessage())
                  .contains("Client authentication failed")
                  .contains("workflux.client-secret")
                  .doesNotContain(CLIENT_SECRET);
              assertThat(e.status()).isEqualTo(401);
              assertThat(e.responseBody()).doesNotContain(CLIENT_SECRET);
            });
    wm.verify(0, getRequestedFor(urlEqualTo("/v1/agents/a")));
    assertThat(output.getAll()).doesNotContain(CLIENT_SECRET);
  }

  @Test
  void aBadRequestFromTheTokenEndpointIsAlsoAnAuthenticationError() {
    wm.stubFor(
        post("/v1/auth/token")
            .willReturn(
                aResponse().withStatus(400).withBody("{\"message\":\"unknown client_id\"}")));

    assertThatThrownBy(() -> client().listAgents(Map.of()))
        .isInstanceOf(AuthenticationException.class)
        .hasMessageContaining("unknown client_id");
  }

  @Test
  void aTokenAnswerWithoutAccessTokenIsAClearError() {
    wm.stubFor(post("/v1/auth/token").willReturn(okJson("{\"ok\":true}")));

    assertThatThrownBy(() -> client().listAgents(Map.of()))
        .isInstanceOfSatisfying(
            UnexpectedResponseException.class,
            e -> {
              assertThat(e.outcomeUnknown()).isFalse();
              assertThat(e.getMessage())
                  .contains("POST /auth/token", "without an access_token", "base URL")
                  .doesNotContain("resubmitting");
            });
  }

  @Test
  void aTokenRequestIsRetriedLikeAReadAfterAServerError() {
    wm.stubFor(
        post("/v1/auth/token")
            .inScenario("token")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(aResponse().withStatus(500))
            .willSetStateTo("502"));
    wm.stubFor(
        post("/v1/auth/token")
            .inScenario("token")
            .whenScenarioStateIs("502")
            .willReturn(aResponse().withStatus(502))
            .willSetStateTo("ok"));
    wm.stubFor(
        post("/v1/auth/token")
            .inScenario("token")
            .whenScenarioStateIs("ok")
            .willReturn(okJson(token(TOKEN, 3600))));
    wm.stubFor(get("/v1/agents/a").willReturn(okJson("{\"id\":\"a\"}")));

    assertThat(client().getAgent("a").id()).isEqualTo("a");

    wm.verify(exactly(3), postRequestedFor(urlEqualTo("/v1/auth/token")));
    wm.verify(exactly(1), getRequestedFor(urlEqualTo("/v1/agents/a")));
  }

  @Test
  void aTokenEndpointThatKeepsFailingSaysToTryLaterNotToCheckBeforeResending() {
    wm.stubFor(post("/v1/auth/token").willReturn(aResponse().withStatus(500)));

    assertThatThrownBy(() -> client().getAgent("a"))
        .isInstanceOfSatisfying(
            ServerException.class,
            e -> {
              assertThat(e.outcomeUnknown()).isFalse();
              assertThat(e.attempts()).isEqualTo(4);
              assertThat(e.getMessage())
                  .contains("POST /auth/token", "try again later")
                  .doesNotContain("check", "resubmit");
            });
    wm.verify(exactly(4), postRequestedFor(urlEqualTo("/v1/auth/token")));
  }

  @Test
  void aTokenRequestThatTimesOutIsRetried() {
    wm.stubFor(
        post("/v1/auth/token")
            .inScenario("slow")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(okJson(token(TOKEN, 3600)).withFixedDelay(2500))
            .willSetStateTo("fast"));
    wm.stubFor(
        post("/v1/auth/token")
            .inScenario("slow")
            .whenScenarioStateIs("fast")
            .willReturn(okJson(token(TOKEN, 3600))));
    wm.stubFor(get("/v1/agents/a").willReturn(okJson("{\"id\":\"a\"}")));
    WorkFluxClient client =
        builder()
            .http(
                new HttpSettings(
                    Duration.ofSeconds(2), Duration.ofMillis(500), RetrySettings.DEFAULTS))
            .build();

    assertThat(client.getAgent("a").id()).isEqualTo("a");
    wm.verify(exactly(2), postRequestedFor(urlEqualTo("/v1/auth/token")));
  }

  // --- agents ---

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "application/json|",
        "application/json|{}",
        "application/json|{\"name\":\"Ava\"}",
        "text/html|<html>Welcome</html>"
      })
  void aCreatedAgentNeverComesBackWithoutItsId(String type, String body) {
    wm.stubFor(
        post("/v1/agents")
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", type)
                    .withBody(body == null ? "" : body)));

    assertThatThrownBy(() -> client().createAgent(Map.of("name", "Ava")))
        .isInstanceOfSatisfying(
            UnexpectedResponseException.class,
            e -> {
              assertThat(e.outcomeUnknown()).isTrue();
              assertThat(e.getMessage()).contains("POST /agents", "check whether it took effect");
            });
    wm.verify(exactly(1), postRequestedFor(urlEqualTo("/v1/agents")));
  }

  @Test
  void aReadAgentWithoutAnIdIsNotTheAnswer() {
    wm.stubFor(get("/v1/agents/a").willReturn(okJson("{\"data\":{\"name\":\"Ava\"}}")));

    assertThatThrownBy(() -> client().getAgent("a"))
        .isInstanceOfSatisfying(
            UnexpectedResponseException.class,
            e -> {
              assertThat(e.outcomeUnknown()).isFalse();
              assertThat(e.getMessage()).contains("without an id").doesNotContain("resubmit");
            });
  }

  @ParameterizedTest
  @ValueSource(ints = {500, 502, 504})
  void aCreateAnsweredWithAnUnknownOutcomeIsSentOnce(int status) {
    wm.stubFor(post("/v1/agents").willReturn(aResponse().withStatus(status)));

    assertThatThrownBy(() -> client().createAgent(Map.of("name", "Ava")))
        .isInstanceOfSatisfying(
            ServerException.class, e -> assertThat(e.outcomeUnknown()).isTrue());
    wm.verify(exactly(1), postRequestedFor(urlEqualTo("/v1/agents")));
  }

  @Test
  void aDeleteOfAKnownIdIsRetriedAfterAServerErrorAndMayAnswerNothing() {
    wm.stubFor(
        delete("/v1/agents/a")
            .inScenario("d")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(aResponse().withStatus(502))
            .willSetStateTo("ok"));
    wm.stubFor(
        delete("/v1/agents/a")
            .inScenario("d")
            .whenScenarioStateIs("ok")
            .willReturn(aResponse().withStatus(204)));

    client().deleteAgent("a");

    wm.verify(exactly(2), deleteRequestedFor(urlEqualTo("/v1/agents/a")));
  }

  @Test
  void agentCallsUseTheDocumentedPathsMethodsTokenAndBodies() {
    wm.stubFor(get("/v1/agents/ag%2F1").willReturn(okJson("{\"id\":\"ag/1\",\"name\":\"Ava\"}")));
    wm.stubFor(
        post("/v1/agents")
            .willReturn(okJson("{\"data\":{\"id\":\"ag_2\",\"name\":\"Bo\",\"tone\":\"warm\"}}")));
    wm.stubFor(patch("/v1/agents/ag_2").willReturn(okJson("{\"id\":\"ag_2\",\"name\":\"Bob\"}")));
    wm.stubFor(delete("/v1/agents/ag_2").willReturn(aResponse().withStatus(204)));
    WorkFluxClient client = client();

    assertThat(client.getAgent("ag/1").name()).isEqualTo("Ava");
    Agent created = client.createAgent(Map.of("name", "Bo", "tone", "warm"));
    assertThat(created.id()).isEqualTo("ag_2");
    assertThat(created.other()).containsEntry("tone", "warm");
    assertThat(client.updateAgent("ag_2", Map.of("name", "Bob")).name()).isEqualTo("Bob");
    client.deleteAgent("ag_2");

    String bearer = "Bearer " + TOKEN;
    wm.verify(
        getRequestedFor(urlEqualTo("/v1/agents/ag%2F1"))
            .withHeader("Authorization", equalTo(bearer)));
    wm.verify(
        postRequestedFor(urlEqualTo("/v1/agents"))
            .withHeader("Authorization", equalTo(bearer))
            .withHeader("Content-Type", equalTo("application/json"))
            .withRequestBody(equalToJson("{\"name\":\"Bo\",\"tone\":\"warm\"}")));
    wm.verify(
        patchRequestedFor(urlEqualTo("/v1/agents/ag_2"))
            .withHeader("Authorization", equalTo(bearer))
            .withRequestBody(equalToJson("{\"name\":\"Bob\"}")));
    wm.verify(
        deleteRequestedFor(urlEqualTo("/v1/agents/ag_2"))
            .withHeader("Authorization", equalTo(bearer)));
  }

  @Test
  void aMissingAgentIsNotFound() {
    wm.stubFor(
        get("/v1/agents/nope")
            .willReturn(aResponse().withStatus(404).withBody("{\"message\":\"no such agent\"}")));

    assertThatThrownBy(() -> client().getAgent("nope"))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("no such agent");
  }

  @Test
  void listParametersArePassedThroughAndPagingFieldsExposed() {
    wm.stubFor(
        get(urlPathEqualTo("/v1/agents"))
            .willReturn(
                okJson(
                    "{\"data\":[{\"id\":\"a1\"}],\"next_cursor\":\"c2\",\"has_more\":true,"
                        + "\"total\":41}")));

    Map<String, Object> params = new LinkedHashMap<>();
    params.put("limit", 1);
    params.put("status", "active");
    params.put("tag", List.of("x y", "z"));
    Page<Agent> page = client().listAgents(params);

    wm.verify(getRequestedFor(urlEqualTo("/v1/agents?limit=1&status=active&tag=x%20y&tag=z")));
    assertThat(page.style()).isEqualTo(PagingStyle.CURSOR);
    assertThat(page.nextCursor()).contains("c2");
    assertThat(page.hasMore()).contains(true);
    assertThat(page.total()).hasValue(41);
    assertThat(page.paging()).containsEntry("next_cursor", "c2").doesNotContainKey("data");
    assertThat(page.hasNextPage()).isTrue();
  }

  // --- paging ---

  @Test
  void streamFollowsCursorsAcrossThreePages() {
    wm.stubFor(
        get("/v1/agents?limit=2")
            .willReturn(
                okJson(
                    "{\"data\":[{\"id\":\"a1\"},{\"id\":\"a2\"}],\"next_cursor\":\"c2\","
                        + "\"has_more\":true}")));
    wm.stubFor(
        get("/v1/agents?limit=2&cursor=c2")
            .willReturn(
                okJson(
                    "{\"data\":[{\"id\":\"a3\"},{\"id\":\"a4\"}],\"next_cursor\":\"c3\","
                        + "\"has_more\":true}")));
    wm.stubFor(
        get("/v1/agents?limit=2&cursor=c3")
            .willReturn(
                okJson("{\"data\":[{\"id\":\"a5\"}],\"next_cursor\":null,\"has_more\":false}")));

    List<String> ids = client().streamAgents(Map.of("limit", 2)).map(Agent::id).toList();

    assertThat(ids).containsExactly("a1", "a2", "a3", "a4", "a5");
    wm.verify(3, getRequestedFor(urlPathEqualTo("/v1/agents")));
  }

  @Test
  void streamFollowsNextLinksAcrossThreePages() {
    wm.stubFor(
        get("/v1/conversations")
            .willReturn(
                okJson(
                    "{\"data\":[{\"id\":\"c1\",\"agent_id\":\"ag_1\"}],\"next\":\""
                        + wm.baseUrl()
                        + "/v1/conversations?after=c1\"}")));
    wm.stubFor(
        get("/v1/conversations?after=c1")
            .willReturn(
                okJson(
                    "{\"data\":[{\"id\":\"c2\"}]," + "\"next\":\"/v1/conversations?after=c2\"}")));
    wm.stubFor(
        get("/v1/conversations?after=c2")
            .willReturn(okJson("{\"data\":[{\"id\":\"c3\"}],\"next\":null}")));

    List<Conversation> all = client().streamConversations(Map.of()).toList();

    assertThat(all).extracting(Conversation::id).containsExactly("c1", "c2", "c3");
    assertThat(all.get(0).agentId()).isEqualTo("ag_1");
    wm.verify(3, getRequestedFor(urlPathEqualTo("/v1/conversations")));
  }

  @Test
  void streamFollowsPageNumbersAcrossThreePages() {
    for (int p = 1; p <= 3; p++) {
      wm.stubFor(
          get(p == 1 ? "/v1/webhooks?per_page=1" : "/v1/webhooks?per_page=1&page=" + p)
              .willReturn(
                  okJson(
                      "{\"data\":[{\"id\":\"w"
                          + p
                          + "\",\"url\":\"https://x\"}],\"meta\":{\"page\":"
                          + p
                          + ",\"total_pages\":3}}")));
    }

    List<String> ids =
        client().streamWebhooks(Map.of("per_page", 1)).map(WebhookSubscription::id).toList();

    assertThat(ids).containsExactly("w1", "w2", "w3");
    wm.verify(3, getRequestedFor(urlPathEqualTo("/v1/webhooks")));
  }

  @Test
  void streamIsLazyAndNeverFollowsALinkToAnotherHost() {
    wm.stubFor(
        get("/v1/agents")
            .willReturn(
                okJson(
                    "{\"data\":[{\"id\":\"a1\"}],\"next\":\"https://evil.example/v1/agents\"}")));

    var stream = client().streamAgents(Map.of());
    wm.verify(0, getRequestedFor(urlPathEqualTo("/v1/agents")));
    var it = stream.iterator();
    assertThat(it.next().id()).isEqualTo("a1");
    assertThatThrownBy(it::hasNext)
        .isInstanceOf(SwitchboardException.class)
        .hasMessageContaining("another host");
  }

  @Test
  void streamStopsWhenAnAnswerPointsBackToAPageAlreadyRead() {
    wm.stubFor(
        get("/v1/agents")
            .willReturn(okJson("{\"data\":[{\"id\":\"a1\"}],\"next\":\"/v1/agents\"}")));

    assertThat(client().streamAgents(Map.of()).count()).isEqualTo(1);
    wm.verify(1, getRequestedFor(urlPathEqualTo("/v1/agents")));
  }

  // --- conversations ---

  @Test
  void conversationCallsUseTheDocumentedPathsMethodsTokenAndBodies() {
    wm.stubFor(
        get("/v1/conversations?agent_id=ag_1")
            .willReturn(okJson("{\"data\":[{\"id\":\"cv_1\",\"status\":\"open\"}]}")));
    wm.stubFor(get("/v1/conversations/cv_1").willReturn(okJson("{\"id\":\"cv_1\"}")));
    wm.stubFor(post("/v1/conversations").willReturn(okJson("{\"id\":\"cv_2\"}")));
    wm.stubFor(patch("/v1/conversations/cv_2").willReturn(okJson("{\"id\":\"cv_2\"}")));
    wm.stubFor(delete("/v1/conversations/cv_2").willReturn(aResponse().withStatus(204)));
    WorkFluxClient client = client();

    assertThat(client.listConversations(Map.of("agent_id", "ag_1")).data())
        .extracting(Conversation::status)
        .containsExactly("open");
    assertThat(client.getConversation("cv_1").id()).isEqualTo("cv_1");
    assertThat(client.createConversation(Map.of("agent_id", "ag_1")).id()).isEqualTo("cv_2");
    client.updateConversation("cv_2", Map.of("status", "closed"));
    client.deleteConversation("cv_2");

    String bearer = "Bearer " + TOKEN;
    wm.verify(
        getRequestedFor(urlEqualTo("/v1/conversations?agent_id=ag_1"))
            .withHeader("Authorization", equalTo(bearer)));
    wm.verify(
        getRequestedFor(urlEqualTo("/v1/conversations/cv_1"))
            .withHeader("Authorization", equalTo(bearer)));
    wm.verify(
        postRequestedFor(urlEqualTo("/v1/conversations"))
            .withHeader("Authorization", equalTo(bearer))
            .withRequestBody(equalToJson("{\"agent_id\":\"ag_1\"}")));
    wm.verify(
        patchRequestedFor(urlEqualTo("/v1/conversations/cv_2"))
            .withHeader("Authorization", equalTo(bearer))
            .withRequestBody(equalToJson("{\"status\":\"closed\"}")));
    wm.verify(
        deleteRequestedFor(urlEqualTo("/v1/conversations/cv_2"))
            .withHeader("Authorization", equalTo(bearer)));
  }

  // --- webhooks ---

  @Test
  void webhookSubscriptionCallsMatchTheDocument() {
    String fixture =
        new String(
            Fixtures.payload("workflux-webhook-subscription-response.json"),
            StandardCharsets.UTF_8);
    wm.stubFor(post("/v1/webhooks").willReturn(okJson(fixture)));
    wm.stubFor(get("/v1/webhooks").willReturn(okJson("{\"data\":[" + fixture + "]}")));
    wm.stubFor(get("/v1/webhooks/webhook-123").willReturn(okJson(fixture)));
    wm.stubFor(delete("/v1/webhooks/webhook-123").willReturn(aResponse().withStatus(204)));
    wm.stubFor(post("/v1/webhooks/webhook-123/test").willReturn(okJson("{\"status\":\"sent\"}")));
    WorkFluxClient client = client();

    WebhookSubscription created =
        client.createWebhook(
            "https://your-app.com/webhooks/workflux",
            List.of("conversation.started", "conversation.completed", "agent.response"),
            "your_webhook_secret");

    assertThat(created.id()).isEqualTo("webhook-123");
    assertThat(created.url()).isEqualTo("https://your-app.com/webhooks/workflux");
    assertThat(created.events()).containsExactly("conversation.started", "conversation.completed");
    assertThat(created.status()).isEqualTo("active");
    assertThat(created.active()).isTrue();
    assertThat(created.createdAt()).isEqualTo("2024-01-01T12:00:00Z");
    assertThat(created.createdAtInstant()).contains(Instant.parse("2024-01-01T12:00:00Z"));
    assertThat(client.listWebhooks(Map.of()).data()).containsExactly(created);
    assertThat(client.getWebhook("webhook-123")).isEqualTo(created);
    client.deleteWebhook("webhook-123");
    ApiResponse test = client.sendTestEvent("webhook-123");
    assertThat(test.bodyAsString()).contains("sent");

    String bearer = "Bearer " + TOKEN;
    wm.verify(
        postRequestedFor(urlEqualTo("/v1/webhooks"))
            .withHeader("Authorization", equalTo(bearer))
            .withRequestBody(
                equalToJson(
                    """
                    {"url": "https://your-app.com/webhooks/workflux",
                     "events": ["conversation.started", "conversation.completed", "agent.response"],
                     "secret": "your_webhook_secret"}""")));
    wm.verify(
        getRequestedFor(urlEqualTo("/v1/webhooks")).withHeader("Authorization", equalTo(bearer)));
    wm.verify(
        getRequestedFor(urlEqualTo("/v1/webhooks/webhook-123"))
            .withHeader("Authorization", equalTo(bearer)));
    wm.verify(
        deleteRequestedFor(urlEqualTo("/v1/webhooks/webhook-123"))
            .withHeader("Authorization", equalTo(bearer)));
    wm.verify(
        postRequestedFor(urlEqualTo("/v1/webhooks/webhook-123/test"))
            .withHeader("Authorization", equalTo(bearer)));
  }

  @Test
  void aSubscriptionIsRefusedBeforeSendingWithoutUrlEventsOrSecret() {
    WorkFluxClient client = client();
    assertThatThrownBy(() -> client.createWebhook(" ", List.of("a"), "s"))
        .hasMessageContaining("url");
    assertThatThrownBy(() -> client.createWebhook("https://x", List.of(), "s"))
        .hasMessageContaining("events");
    assertThatThrownBy(() -> client.createWebhook("https://x", List.of("a"), ""))
        .hasMessageContaining("secret");
    wm.verify(0, postRequestedFor(urlEqualTo("/v1/webhooks")));
  }

  @Test
  void aSecretEchoedBackIsNeverKeptInTheSubscription() {
    wm.stubFor(
        post("/v1/webhooks")
            .willReturn(
                okJson(
                    "{\"id\":\"w1\",\"url\":\"https://x\",\"events\":[\"agent.response\"],"
                        + "\"secret\":\"echoed_whk_secret\",\"region\":\"eu\"}")));

    WebhookSubscription s =
        client().createWebhook("https://x", List.of("agent.response"), "echoed_whk_secret");

    assertThat(s.other()).containsEntry("region", "eu").doesNotContainKey("secret");
    assertThat(s.toString()).doesNotContain("echoed_whk_secret");
  }

  @Test
  void recordsWriteBackAsThePlatformsJson() throws Exception {
    WebhookSubscription subscription =
        Json.mapper()
            .readValue(
                Fixtures.payload("workflux-webhook-subscription-response.json"),
                WebhookSubscription.class);
    Map<String, Object> written =
        Json.mapper()
            .readValue(
                Json.mapper().writeValueAsBytes(subscription),
                new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() {});
    assertThat(written)
        .containsEntry("id", "webhook-123")
        .containsEntry("created_at", "2024-01-01T12:00:00Z");

    Agent agent = Json.mapper().readValue("{\"id\":\"a\",\"name\":\"n\",\"x\":[1,2]}", Agent.class);
    assertThat(Json.mapper().writeValueAsString(agent))
        .isEqualTo("{\"id\":\"a\",\"name\":\"n\",\"x\":[1,2]}");
  }

  // --- retries, raw requests, deprecation ---

  @Test
  void rateLimitsAreHonouredWithRetryAfter() {
    wm.stubFor(
        get("/v1/agents")
            .inScenario("r")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "2"))
            .willSetStateTo("ok"));
    wm.stubFor(
        get("/v1/agents")
            .inScenario("r")
            .whenScenarioStateIs("ok")
            .willReturn(okJson("{\"data\":[]}")));

    client().listAgents(Map.of());

    assertThat(sleeps).containsExactly(2000L);
    wm.verify(2, getRequestedFor(urlEqualTo("/v1/agents")));
  }

  @Test
  void observationsNameEachEndpointByItsTemplateNeverByAnId() {
    wm.stubFor(get("/v1/agents/ag_42").willReturn(okJson("{\"id\":\"ag_42\"}")));
    wm.stubFor(get(urlPathEqualTo("/v1/agents")).willReturn(okJson("{\"data\":[]}")));
    wm.stubFor(delete("/v1/webhooks/wh_7").willReturn(aResponse().withStatus(204)));
    List<String> uris = new CopyOnWriteArrayList<>();
    ObservationRegistry observations = ObservationRegistry.create();
    observations
        .observationConfig()
        .observationHandler(
            new ObservationHandler<ClientRequestObservationContext>() {
              @Override
              public boolean supportsContext(Observation.Context context) {
                return context instanceof ClientRequestObservationContext;
              }

              @Override
              public void onStop(ClientRequestObservationContext context) {
                uris.add(context.getLowCardinalityKeyValue("uri").getValue());
              }
            });
    WorkFluxClient client =
        builder()
            .restClientBuilder(
                org.springframework.web.client.RestClient.builder()
                    .observationRegistry(observations))
            .build();

    client.getAgent("ag_42");
    client.listAgents(Map.of("status", "active"));
    client.deleteWebhook("wh_7");

    assertThat(uris).containsExactly("/auth/token", "/agents/{id}", "/agents", "/webhooks/{id}");
  }

  @Test
  void aRawRequestTakesAnExportInItsDeclaredFormatButNeverAWebPage() {
    wm.stubFor(
        get("/v1/reports/calls.csv")
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "text/csv")
                    .withBody("a,b\n1,2")));
    wm.stubFor(
        get("/v1/reports/summary")
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "text/html")
                    .withBody("<html>Log in to WorkFlux</html>")));
    WorkFluxClient client = client();

    assertThat(client.request(HttpMethod.GET, "/reports/calls.csv", null).bodyAsString())
        .isEqualTo("a,b\n1,2");
    assertThatThrownBy(() -> client.request(HttpMethod.GET, "/reports/summary", null))
        .isInstanceOfSatisfying(
            UnexpectedResponseException.class,
            e -> assertThat(e.getMessage()).contains("text/html", "Log in to WorkFlux"));
    wm.verify(exactly(1), getRequestedFor(urlEqualTo("/v1/reports/summary")));
  }

  @Test
  void rawRequestsReachAnyEndpointWithTheSameToken() {
    wm.stubFor(
        post("/v1/workflows/wf_1/trigger")
            .willReturn(okJson("{\"run_id\":\"r1\",\"state\":\"queued\"}")));
    wm.stubFor(get("/v1/reports/export?from=2024-01-01").willReturn(okJson("{\"rows\":3}")));

    record Run(String state) {}
    Run run =
        client()
            .request(HttpMethod.POST, "/workflows/wf_1/trigger", Map.of("input", "x"), Run.class);
    ApiResponse export = client().request(HttpMethod.GET, "/reports/export?from=2024-01-01", null);

    assertThat(run).isEqualTo(new Run("queued"));
    assertThat(export.bodyAsString()).isEqualTo("{\"rows\":3}");
    wm.verify(
        postRequestedFor(urlEqualTo("/v1/workflows/wf_1/trigger"))
            .withHeader("Authorization", equalTo("Bearer " + TOKEN))
            .withRequestBody(equalToJson("{\"input\":\"x\"}")));
    wm.verify(
        getRequestedFor(urlEqualTo("/v1/reports/export?from=2024-01-01"))
            .withHeader("Authorization", equalTo("Bearer " + TOKEN)));
    assertThatThrownBy(() -> client().request(HttpMethod.GET, "https://evil.example/x", null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aDeprecatedEndpointIsWarnedOnceNamingTheSunsetDate(CapturedOutput output) {
    wm.stubFor(
        get("/v1/agents")
            .willReturn(
                okJson("{\"data\":[]}")
                    .withHeader("Deprecation", "@1767225600")
                    .withHeader("Sunset", "Wed, 01 Apr 2026 00:00:00 GMT")));
    WorkFluxClient client = client();

    client.listAgents(Map.of());
    client.listAgents(Map.of());
    client.listAgents(Map.of());

    String all = output.getAll();
    assertThat(all.split("is deprecated by the platform", -1)).hasSize(2);
    assertThat(all).contains("GET /agents").contains("Wed, 01 Apr 2026 00:00:00 GMT");
  }

  // --- connectivity ---

  @Test
  void connectivityCheckIsUpWithItsLatency() {
    wm.stubFor(get("/v1/agents?limit=1").willReturn(okJson("{\"data\":[]}")));

    ConnectivityReport report = client().checkConnectivity();

    assertThat(report.up()).isTrue();
    assertThat(report.detail()).contains("200");
    assertThat(report.latency().isNegative()).isFalse();
    assertThat(report.checkedAt()).isEqualTo(clock.instant());
    wm.verify(
        getRequestedFor(urlEqualTo("/v1/agents?limit=1"))
            .withHeader("Authorization", equalTo("Bearer " + TOKEN)));
  }

  @Test
  void connectivityCheckIsDownWhenTheCredentialsAreRefused() {
    wm.stubFor(
        post("/v1/auth/token")
            .willReturn(aResponse().withStatus(401).withBody("{\"message\":\"bad credentials\"}")));

    ConnectivityReport report = client().checkConnectivity();

    assertThat(report.up()).isFalse();
    assertThat(report.detail()).contains("bad credentials").doesNotContain(CLIENT_SECRET);
  }

  @Test
  void connectivityCheckIsDownWithoutRetryingWhenTheApiFails() {
    wm.stubFor(get("/v1/agents?limit=1").willReturn(aResponse().withStatus(503)));

    ConnectivityReport report = client().checkConnectivity();

    assertThat(report.up()).isFalse();
    assertThat(report.detail()).contains("503");
    wm.verify(1, getRequestedFor(urlEqualTo("/v1/agents?limit=1")));
    assertThat(sleeps).isEmpty();
  }

  @Test
  void connectivityCheckIsDownWhenNoAnswerComesInTime() {
    wm.stubFor(get("/v1/agents?limit=1").willReturn(okJson("{\"data\":[]}").withFixedDelay(5000)));

    ConnectivityReport report =
        builder().connectivityTimeout(Duration.ofMillis(200)).build().checkConnectivity();

    assertThat(report.up()).isFalse();
  }

  // --- secrets ---

  @Test
  void theClientSecretAndTokensNeverAppearInMessagesLogsOrToString(CapturedOutput output) {
    wm.stubFor(
        get("/v1/agents/a")
            .willReturn(
                aResponse()
                    .withStatus(403)
                    .withBody(
                        "{\"message\":\"token " + TOKEN + " of " + CLIENT_SECRET + " denied\"}")));
    wm.stubFor(
        get("/v1/agents/b")
            .willReturn(aResponse().withStatus(503).withBody("upstream saw " + TOKEN)));
    WorkFluxClient client = client();

    assertThatThrownBy(() -> client.getAgent("a"))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.getMessage()).doesNotContain(TOKEN).doesNotContain(CLIENT_SECRET);
              assertThat(e.responseBody()).doesNotContain(TOKEN).doesNotContain(CLIENT_SECRET);
              assertThat(e.platformMessage().orElseThrow()).contains("denied");
            });
    assertThatThrownBy(() -> client.getAgent("b"))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> assertThat(e.responseBody()).contains("upstream saw").doesNotContain(TOKEN));
    assertThat(client.toString()).doesNotContain(CLIENT_SECRET).doesNotContain(TOKEN);
    assertThat(builder().toString()).doesNotContain(CLIENT_SECRET);
    assertThat(output.getAll())
        .contains("retrying")
        .doesNotContain(CLIENT_SECRET)
        .doesNotContain(TOKEN);
  }

  @Test
  void theClientCredentialsAreMaskedAsHttpBasicCarriesThem() {
    String basic =
        java.util.Base64.getEncoder()
            .encodeToString((CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
    wm.stubFor(
        post("/v1/auth/token")
            .willReturn(
                aResponse()
                    .withStatus(401)
                    .withHeader("Content-Type", "text/plain")
                    .withBody("Authorization: Basic " + basic + " was not accepted")));

    assertThatThrownBy(() -> client().getAgent("a"))
        .isInstanceOfSatisfying(
            AuthenticationException.class,
            e -> {
              for (String text :
                  List.of(e.getMessage(), e.toString(), e.responseBody(), e.failure().toString())) {
                assertThat(text).doesNotContain(basic).doesNotContain(CLIENT_SECRET);
              }
              assertThat(e.responseBody()).contains("Basic ****");
            });
  }

  @Test
  void missingCredentialsNameTheProperty() {
    assertThatThrownBy(() -> builder().clientId(null).build())
        .hasMessageContaining("workflux.client-id");
    assertThatThrownBy(() -> builder().clientSecret((String) null).build())
        .hasMessageContaining("workflux.client-secret");
    assertThatThrownBy(() -> builder().baseUrl("http://api.workflux.ai/v1").build())
        .hasMessageContaining("workflux.base-url must use https");
  }
}
