package dev.switchboard.futwork.lead;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.switchboard.core.http.ApiException;
import dev.switchboard.core.http.HttpSettings;
import dev.switchboard.core.http.InvalidRequestException;
import dev.switchboard.core.http.RetrySettings;
import dev.switchboard.core.http.ServerException;
import dev.switchboard.core.http.TransportException;
import dev.switchboard.core.http.UnexpectedResponseException;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpMethod;
import org.springframework.web.client.RestClient;

@ExtendWith(OutputCaptureExtension.class)
class LeadClientTest {

  static final String KEY = "123jkkn43oo42551345gfqrg";

  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  final List<Long> sleeps = new CopyOnWriteArrayList<>();

  LeadClientBuilder builder() {
    return LeadClient.builder()
        .apiKey(KEY)
        .workflowsBaseUrl(wm.baseUrl() + "/omni/api")
        .campaignsBaseUrl(wm.baseUrl() + "/platform/api")
        .http(
            new HttpSettings(Duration.ofSeconds(5), Duration.ofSeconds(10), RetrySettings.DEFAULTS))
        .sleeper(sleeps::add);
  }

  LeadClient client() {
    return builder().build();
  }

  static WorkflowLead workflowLead() {
    return WorkflowLead.of(
        "9999789877", Map.of("customer_name", "abcd xyz", "place", "ABC"), "AWB123456789");
  }

  @Test
  void workflowLeadGoesOnTheWireAsDocumented() {
    wm.stubFor(
        post("/omni/api/workflows/wf_6512/leads")
            .willReturn(aResponse().withStatus(201).withBody("{\"leadId\":\"L-1\"}")));

    LeadReceipt receipt =
        client()
            .submitToWorkflow(
                "wf_6512",
                WorkflowLead.of(
                    "+91 99997-89877",
                    Map.of("customer_name", "abcd xyz", "place", "ABC"),
                    "AWB123456789"));

    assertThat(receipt.status()).isEqualTo(201);
    assertThat(receipt.leadId()).contains("L-1");
    assertThat(receipt.rawJson()).isEqualTo("{\"leadId\":\"L-1\"}");
    wm.verify(
        postRequestedFor(urlEqualTo("/omni/api/workflows/wf_6512/leads"))
            .withHeader("x-api-key", equalTo(KEY))
            .withHeader("Content-Type", equalTo("application/json"))
            .withRequestBody(
                equalToJson(
                    """
            {"recipientPhoneNumber": "9999789877",
             "recipientData": {"customer_name": "abcd xyz", "place": "ABC"},
             "referenceId": "AWB123456789"}""")));
  }

  @Test
  void campaignLeadGoesOnTheWireAsDocumented() {
    wm.stubFor(
        post("/platform/api/campaigns/68ecc86fd9fbecbe9431a18e/leads")
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withBody("{\"data\":{\"_id\":\"68ecc93cd9fbecbe9431a2a1\"}}")));

    LeadReceipt receipt =
        client()
            .submitToCampaign(
                "68ecc86fd9fbecbe9431a18e",
                CampaignLead.of(
                    "09999789877", Map.of("customer_name", "abcd xyz", "place", "ABC")));

    assertThat(receipt.leadId()).contains("68ecc93cd9fbecbe9431a2a1");
    wm.verify(
        postRequestedFor(urlEqualTo("/platform/api/campaigns/68ecc86fd9fbecbe9431a18e/leads"))
            .withHeader("x-api-key", equalTo(KEY))
            .withHeader("Content-Type", equalTo("application/json"))
            .withRequestBody(
                equalToJson(
                    """
            {"recipientPhoneNumber": "9999789877",
             "recipientData": {"customer_name": "abcd xyz", "place": "ABC"}}""",
                    false,
                    false)));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"id\":\"a1\"}|a1",
        "{\"_id\":\"b2\"}|b2",
        "{\"id\":42}|42",
        "{\"data\":{\"leadId\":\"c3\"}}|c3",
        "{\"id\":\"x\",\"meta\":{\"leadId\":\"no\"},\"leadId\":\"y\"}|y",
        "{\"leadId\":\" \",\"data\":{\"id\":\"d4\",\"x\":[1,{\"id\":2}]}}|d4",
        "{\"ok\":true}|"
      })
  void receiptFindsTheLeadIdWhereverTheBodyHasIt(String body, String expected) {
    wm.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(200).withBody(body)));

    LeadReceipt receipt = client().submitToCampaign("c", CampaignLead.of("9999789877", Map.of()));

    assertThat(receipt.leadId().orElse(null)).isEqualTo(expected);
  }

  @Test
  void eachPlatformsHttpClientIsBuiltOnceOnItsFirstCallEvenUnderConcurrentFirstCalls()
      throws Exception {
    wm.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(201).withBody("{}")));
    AtomicInteger built = new AtomicInteger();
    LeadClient client =
        builder()
            .restClientBuilder(
                () -> {
                  built.incrementAndGet();
                  return RestClient.builder();
                })
            .build();
    assertThat(built).as("nothing is built before the first call").hasValue(0);

    int threads = 16;
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<LeadReceipt>> receipts = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        String reference = "AWB-" + i;
        receipts.add(
            pool.submit(
                () -> {
                  start.await();
                  return client.submitToWorkflow(
                      "wf_1", WorkflowLead.of("9999789877", Map.of(), reference));
                }));
      }
      start.countDown();
      for (Future<LeadReceipt> receipt : receipts) {
        assertThat(receipt.get(30, TimeUnit.SECONDS).status()).isEqualTo(201);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(built).as("one HTTP client for Futwork Workflows").hasValue(1);

    client.submitToCampaign("c_1", CampaignLead.of("9999789877", Map.of()));
    client.submitToCampaign("c_1", CampaignLead.of("9999789877", Map.of()));
    assertThat(built).as("and one for the AI Platform, on its own first call").hasValue(2);
  }

  @Test
  void observationsNameEachEndpointByItsTemplateNeverByItsIds() {
    wm.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(201).withBody("{}")));
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    ObservationRegistry observations = ObservationRegistry.create();
    observations.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));
    LeadClient client =
        builder().restClientBuilder(RestClient.builder().observationRegistry(observations)).build();

    client.submitToWorkflow("wf_1", workflowLead());
    client.submitToWorkflow("wf_2", workflowLead());
    client.submitToCampaign("c_77", CampaignLead.of("9999789877", Map.of()));

    assertThat(
            meters
                .get("http.client.requests")
                .tags("uri", "/workflows/{workflowId}/leads", "method", "POST", "status", "201")
                .timer()
                .count())
        .isEqualTo(2);
    assertThat(
            meters
                .get("http.client.requests")
                .tags("uri", "/campaigns/{campaignId}/leads", "outcome", "SUCCESS")
                .timer()
                .count())
        .isEqualTo(1);
    assertThat(meters.get("http.client.requests").timers())
        .hasSize(2)
        .extracting(timer -> timer.getId().getTag("uri"))
        .containsExactlyInAnyOrder(
            "/workflows/{workflowId}/leads", "/campaigns/{campaignId}/leads");
    assertThat(meters.get("http.client.requests").timers())
        .flatExtracting(timer -> timer.getId().getTags())
        .extracting(Tag::getValue)
        .noneMatch(value -> value.contains("wf_1") || value.contains("c_77"));
  }

  @Test
  void idsAreEncodedNeverConcatenatedRaw() {
    wm.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(200).withBody("{}")));

    client().submitToWorkflow("../admin?x=1", workflowLead());

    wm.verify(postRequestedFor(urlEqualTo("/omni/api/workflows/..%2Fadmin%3Fx=1/leads")));
  }

  @Test
  void invalidLeadsAreRefusedBeforeAnyRequestNamingTheField() {
    LeadClient client = client();
    assertField(
        () -> client.submitToWorkflow("wf", WorkflowLead.of("+1 415 555 0123", Map.of(), "R1")),
        "recipientPhoneNumber");
    assertField(
        () -> client.submitToWorkflow("wf", WorkflowLead.of("12345", Map.of(), "R1")),
        "recipientPhoneNumber");
    assertField(
        () -> client.submitToWorkflow("wf", WorkflowLead.of(null, Map.of(), "R1")),
        "recipientPhoneNumber");
    assertField(
        () -> client.submitToWorkflow("wf", WorkflowLead.of("9999789877", Map.of(), " ")),
        "referenceId");
    assertField(
        () -> client.submitToWorkflow("wf", WorkflowLead.of("9999789877", null, "R1")),
        "recipientData");
    assertField(() -> client.submitToWorkflow(" ", workflowLead()), "workflowId");
    assertField(
        () -> client.submitToCampaign(null, CampaignLead.of("9999789877", Map.of())), "campaignId");
    assertField(
        () -> client.submitToCampaign("c", CampaignLead.of("99997898", Map.of())),
        "recipientPhoneNumber");
    // data Jackson cannot write (an object with no properties) is refused before any request too
    assertField(
        () ->
            client.submitToWorkflow(
                "wf", WorkflowLead.of("9999789877", Map.of("x", new Object()), "R1")),
        "recipientData");
    assertField(
        () ->
            client.submitToCampaign("c", CampaignLead.of("9999789877", Map.of("x", new Object()))),
        "recipientData");
    wm.verify(0, anyRequestedFor(anyUrl()));
  }

  private static void assertField(
      org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String field) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            LeadValidationException.class, e -> assertThat(e.field()).isEqualTo(field))
        .hasMessageStartingWith(field);
  }

  @Test
  void phoneNumbersAreNotEchoedInValidationMessages() {
    assertThatThrownBy(
            () -> client().submitToCampaign("c", CampaignLead.of("+1 415 555 0123", Map.of())))
        .hasMessageNotContaining("415")
        .hasMessageContaining("11 digits");
  }

  @Test
  void retries503TwiceThenSucceeds() {
    String path = "/omni/api/workflows/wf/leads";
    wm.stubFor(
        post(path)
            .inScenario("s")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(aResponse().withStatus(503))
            .willSetStateTo("2"));
    wm.stubFor(
        post(path)
            .inScenario("s")
            .whenScenarioStateIs("2")
            .willReturn(aResponse().withStatus(503))
            .willSetStateTo("3"));
    wm.stubFor(
        post(path)
            .inScenario("s")
            .whenScenarioStateIs("3")
            .willReturn(aResponse().withStatus(200).withBody("{}")));

    LeadReceipt receipt = client().submitToWorkflow("wf", workflowLead());

    assertThat(receipt.attempts()).isEqualTo(3);
    wm.verify(3, postRequestedFor(urlEqualTo(path)));
  }

  @Test
  void rateLimitWaitsAsTold() {
    String path = "/platform/api/campaigns/c/leads";
    wm.stubFor(
        post(path)
            .inScenario("r")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3"))
            .willSetStateTo("ok"));
    wm.stubFor(
        post(path)
            .inScenario("r")
            .whenScenarioStateIs("ok")
            .willReturn(aResponse().withStatus(200).withBody("{}")));

    client().submitToCampaign("c", CampaignLead.of("9999789877", Map.of()));

    assertThat(sleeps).containsExactly(3000L);
    wm.verify(2, postRequestedFor(urlEqualTo(path)));
  }

  @Test
  void badRequestIsNotRetried() {
    wm.stubFor(
        post(anyUrl())
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withBody("{\"message\":\"referenceId already exists\"}")));

    assertThatThrownBy(() -> client().submitToWorkflow("wf", workflowLead()))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("referenceId already exists");
    wm.verify(1, postRequestedFor(anyUrl()));
  }

  @Test
  void serverErrorOnSubmissionIsNotRetriedByDefault() {
    wm.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(500)));

    assertThatThrownBy(() -> client().submitToWorkflow("wf", workflowLead()))
        .isInstanceOf(ServerException.class);
    wm.verify(1, postRequestedFor(anyUrl()));
  }

  @Test
  void timeoutGivesATransportException() {
    wm.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(200).withFixedDelay(3000)));
    LeadClient impatient =
        builder()
            .http(
                new HttpSettings(
                    Duration.ofSeconds(5), Duration.ofMillis(300), RetrySettings.DEFAULTS))
            .build();

    assertThatThrownBy(() -> impatient.submitToWorkflow("wf", workflowLead()))
        .isInstanceOfSatisfying(
            TransportException.class,
            e -> {
              assertThat(e.outcomeUnknown()).isTrue();
              assertThat(e.getMessage())
                  .contains("check whether it took effect before resubmitting");
            });
    wm.verify(exactly(1), postRequestedFor(anyUrl()));
  }

  @ParameterizedTest
  @ValueSource(ints = {502, 504})
  void aGatewayErrorNeverSendsTheLeadTwice(int status) {
    wm.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(status)));

    assertThatThrownBy(() -> client().submitToWorkflow("wf", workflowLead()))
        .isInstanceOfSatisfying(
            ServerException.class,
            e -> {
              assertThat(e.outcomeUnknown()).isTrue();
              assertThat(e.attempts()).isEqualTo(1);
              assertThat(e.getMessage())
                  .contains("check whether it took effect before resubmitting");
            });
    wm.verify(exactly(1), postRequestedFor(urlEqualTo("/omni/api/workflows/wf/leads")));
    assertThat(sleeps).isEmpty();
  }

  @Test
  void widenedRetriesSendAGatewayErrorAgainAndStillSayTheOutcomeIsUnknown() {
    wm.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(502)));
    LeadClient widened = builder().retryUnknownOutcome(true).build();

    assertThatThrownBy(() -> widened.submitToWorkflow("wf", workflowLead()))
        .isInstanceOfSatisfying(
            ServerException.class,
            e -> {
              assertThat(e.outcomeUnknown()).isTrue();
              assertThat(e.attempts()).isEqualTo(4);
            });
    wm.verify(exactly(4), postRequestedFor(anyUrl()));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "text/html|<html><body>Welcome to Futwork</body></html>",
        "application/json|",
        "application/json|{\"leadId\": \"L-1\"",
        "application/json|\"accepted\"",
        "text/plain|OK"
      })
  void aSuccessStatusWithoutTheAnswerIsNeverAnAcceptedLead(String type, String body) {
    wm.stubFor(
        post(anyUrl())
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", type)
                    .withBody(body == null ? "" : body)));

    assertThatThrownBy(
            () -> client().submitToCampaign("c", CampaignLead.of("9999789877", Map.of())))
        .isInstanceOfSatisfying(
            UnexpectedResponseException.class,
            e -> {
              assertThat(e.outcomeUnknown()).isTrue();
              assertThat(e.contentType()).contains(type);
              assertThat(e.getMessage())
                  .contains("check whether it took effect before resubmitting");
            });
    wm.verify(exactly(1), postRequestedFor(anyUrl()));
  }

  @Test
  void aKeyEchoedInAnAcceptedLeadsAnswerIsMaskedInTheReceipt() {
    String key = "fk_live_7Qp/x+Z9key";
    wm.stubFor(
        post(anyUrl())
            .willReturn(
                aResponse()
                    .withStatus(201)
                    .withBody("{\"leadId\":\"L-9\",\"by\":\"fk_live_7Qp\\/x+Z9key\"}")));

    LeadReceipt receipt = builder().apiKey(key).build().submitToWorkflow("wf", workflowLead());

    assertThat(receipt.leadId()).contains("L-9");
    assertThat(receipt.rawJson()).contains("****").doesNotContain("7Qp\\/x", "7Qp/x");
    assertThat(receipt.toString()).doesNotContain("7Qp\\/x", "7Qp/x");
  }

  @Test
  void rawRequestsUseTheSameKeyAndPlatformBase() {
    wm.stubFor(
        get("/platform/api/v1/leads/L1?expand=calls")
            .willReturn(
                aResponse().withStatus(200).withBody("{\"id\":\"L1\",\"state\":\"called\"}")));

    record Lead(String id, String state) {}
    Lead lead =
        client()
            .request(
                FutworkPlatform.CAMPAIGNS,
                HttpMethod.GET,
                "/v1/leads/L1?expand=calls",
                null,
                Lead.class);

    assertThat(lead).isEqualTo(new Lead("L1", "called"));
    wm.verify(
        getRequestedFor(urlEqualTo("/platform/api/v1/leads/L1?expand=calls"))
            .withHeader("x-api-key", equalTo(KEY)));
    assertThatThrownBy(
            () ->
                client()
                    .request(
                        FutworkPlatform.WORKFLOWS, HttpMethod.GET, "https://evil.example/x", null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void perPlatformKeysOverrideTheSharedOne() {
    wm.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(200).withBody("{}")));
    LeadClient client =
        builder()
            .apiKey((String) null)
            .workflowsApiKey(dev.switchboard.core.Secret.of("wf-key"))
            .campaignsApiKey(dev.switchboard.core.Secret.of("camp-key"))
            .build();

    client.submitToWorkflow("wf", workflowLead());
    client.submitToCampaign("c", CampaignLead.of("9999789877", Map.of()));

    wm.verify(
        postRequestedFor(urlEqualTo("/omni/api/workflows/wf/leads"))
            .withHeader("x-api-key", equalTo("wf-key")));
    wm.verify(
        postRequestedFor(urlEqualTo("/platform/api/campaigns/c/leads"))
            .withHeader("x-api-key", equalTo("camp-key")));
  }

  @Test
  void aPlatformWithoutAKeySaysWhichPropertyToSet() {
    LeadClient client =
        builder()
            .apiKey((String) null)
            .workflowsApiKey(dev.switchboard.core.Secret.of("wf-key"))
            .build();

    assertThatThrownBy(() -> client.submitToCampaign("c", CampaignLead.of("9999789877", Map.of())))
        .hasMessageContaining("futwork.campaigns.api-key or futwork.api-key");
  }

  @Test
  void theKeyNeverAppearsInMessagesLogsOrToString(CapturedOutput output) {
    wm.stubFor(
        post("/omni/api/workflows/wf/leads")
            .willReturn(
                aResponse()
                    .withStatus(403)
                    .withBody("{\"message\":\"key " + KEY + " has no access\"}")));
    wm.stubFor(
        post("/platform/api/campaigns/c/leads")
            .willReturn(aResponse().withStatus(503).withBody("key " + KEY)));
    LeadClient client = client();

    assertThatThrownBy(() -> client.submitToWorkflow("wf", workflowLead()))
        .satisfies(
            e -> {
              assertThat(e.getMessage()).doesNotContain(KEY);
              assertThat(((ApiException) e).responseBody()).doesNotContain(KEY);
            });
    assertThatThrownBy(() -> client.submitToCampaign("c", CampaignLead.of("9999789877", Map.of())))
        .satisfies(e -> assertThat(((ApiException) e).responseBody()).doesNotContain(KEY));
    assertThat(client.toString()).doesNotContain(KEY);
    assertThat(builder().toString()).doesNotContain(KEY);
    assertThat(output.getAll()).contains("retrying").doesNotContain(KEY);
  }
}
