package dev.switchboard.core.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.switchboard.core.Secret;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.web.client.RestClient;

@ExtendWith(OutputCaptureExtension.class)
class ApiClientTest {

  static final String KEY = "k3y-7f3a9c-never-print-me";

  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  final List<Long> sleeps = new CopyOnWriteArrayList<>();
  final Instant now = Instant.parse("2026-11-21T10:00:00Z");

  ApiClient.Builder client(RetrySettings retry) {
    return ApiClient.builder()
        .platform("test-platform")
        .module("sdk-core-test")
        .baseUrl(BaseUrl.require(wm.baseUrl() + "/api", "test.base-url"))
        .authenticator(Authenticator.apiKey("x-api-key", Secret.of(KEY)))
        .settings(new HttpSettings(Duration.ofSeconds(5), Duration.ofSeconds(10), retry))
        .sleeper(sleeps::add)
        .random(() -> 0.0)
        .clock(Clock.fixed(now, ZoneOffset.UTC))
        .credentialsHint("test.api-key");
  }

  ApiClient client() {
    return client(RetrySettings.DEFAULTS).build();
  }

  static ApiRequest postLead() {
    return ApiRequest.json(HttpMethod.POST, "/leads", Map.of("a", 1));
  }

  @Test
  void sendsJsonWithKeyUserAgentAndAccept() {
    wm.stubFor(
        post("/api/leads").willReturn(aResponse().withStatus(201).withBody("{\"id\":\"L1\"}")));

    ApiResponse response = client().execute(postLead());

    assertThat(response.status()).isEqualTo(201);
    assertThat(response.attempts()).isEqualTo(1);
    assertThat(response.bodyAs(Map.class)).containsEntry("id", "L1");
    assertThat(response.bodyAs(new ParameterizedTypeReference<Map<String, String>>() {}))
        .isEqualTo(Map.of("id", "L1"));
    wm.verify(
        postRequestedFor(urlEqualTo("/api/leads"))
            .withHeader("x-api-key", equalTo(KEY))
            .withHeader("Content-Type", equalTo("application/json"))
            .withHeader("Accept", equalTo("application/json"))
            .withHeader(
                "User-Agent",
                matching("switchboard-java/0\\.1\\.0-SNAPSHOT \\(sdk-core-test; Java .+\\)"))
            .withRequestBody(equalToJson("{\"a\":1}")));
  }

  @Test
  void retries503TwiceThenSucceeds(CapturedOutput output) {
    wm.stubFor(
        post("/api/leads")
            .inScenario("s")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(aResponse().withStatus(503))
            .willSetStateTo("two"));
    wm.stubFor(
        post("/api/leads")
            .inScenario("s")
            .whenScenarioStateIs("two")
            .willReturn(aResponse().withStatus(503))
            .willSetStateTo("three"));
    wm.stubFor(
        post("/api/leads")
            .inScenario("s")
            .whenScenarioStateIs("three")
            .willReturn(aResponse().withStatus(200).withBody("{}")));

    ApiResponse response = client().execute(postLead());

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.attempts()).isEqualTo(3);
    wm.verify(3, postRequestedFor(urlEqualTo("/api/leads")));
    // equal jitter with a random of 0: half of 500 ms, then half of 1000 ms
    assertThat(sleeps).containsExactly(250L, 500L);
    assertThat(output.getAll())
        .contains("test-platform: POST /leads answered 503; attempt 1 of 4, retrying in 250 ms")
        .contains("test-platform: POST /leads answered 503; attempt 2 of 4, retrying in 500 ms");
  }

  @Test
  void callsStartNoWorkerThreads() {
    wm.stubFor(post("/api/leads").willReturn(aResponse().withStatus(201).withBody("{}")));
    Set<String> before = workerThreads();
    ApiClient client = client();

    for (int i = 0; i < 20; i++) {
      assertThat(client.execute(postLead()).status()).isEqualTo(201);
    }

    // The JDK client's default executor would have started at least one "HttpClient-N-Worker-M".
    assertThat(workerThreads()).isSubsetOf(before);
  }

  private static Set<String> workerThreads() {
    Set<String> names = new TreeSet<>();
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.getName().matches("HttpClient-\\d+-Worker-\\d+")) {
        names.add(t.getName());
      }
    }
    return names;
  }

  @Test
  void headersTheJdkClientSetsItselfAreLeftToIt() {
    wm.stubFor(post("/api/leads").willReturn(aResponse().withStatus(201)));
    RestClient.Builder builder =
        RestClient.builder()
            .defaultHeader("Connection", "keep-alive")
            .defaultHeader("HOST", "elsewhere.example")
            .defaultHeader("expect", "100-continue")
            .defaultHeader("Upgrade", "h2c")
            .defaultHeader("Content-Length", "1")
            .defaultHeader("X-Trace", "t-1");

    ApiResponse response =
        client(RetrySettings.DEFAULTS).restClientBuilder(builder).build().execute(postLead());

    assertThat(response.status()).isEqualTo(201);
    wm.verify(
        postRequestedFor(urlEqualTo("/api/leads"))
            .withHeader("X-Trace", equalTo("t-1"))
            .withHeader("Host", matching("localhost:\\d+"))
            .withoutHeader("Upgrade")
            .withRequestBody(equalToJson("{\"a\":1}")));
  }

  @Test
  void backoffGrowsAndIsCapped() {
    wm.stubFor(get("/api/x").willReturn(aResponse().withStatus(502)));
    RetrySettings retry =
        new RetrySettings(
            6, Duration.ofMillis(500), 2.0, Duration.ofSeconds(3), Duration.ofSeconds(60), false);
    ApiClient c = client(retry).random(() -> 0.999).build();

    assertThatThrownBy(() -> c.execute(ApiRequest.of(HttpMethod.GET, "/x")))
        .isInstanceOf(ServerException.class)
        .satisfies(e -> assertThat(((ApiException) e).attempts()).isEqualTo(6));
    assertThat(sleeps).hasSize(5);
    assertThat(sleeps.get(0)).isBetween(499L, 500L);
    assertThat(sleeps.get(1)).isBetween(999L, 1000L);
    assertThat(sleeps.get(2)).isBetween(1998L, 2000L);
    assertThat(sleeps.subList(3, 5)).allSatisfy(s -> assertThat(s).isBetween(2997L, 3000L));
  }

  @Test
  void attemptsNeverExceedTheMaximum() {
    wm.stubFor(get("/api/x").willReturn(aResponse().withStatus(504)));

    assertThatThrownBy(() -> client().execute(ApiRequest.of(HttpMethod.GET, "/x")))
        .isInstanceOf(ServerException.class)
        .hasMessageContaining("504")
        .hasMessageContaining("after 4 attempts")
        .hasMessageContaining("try again later")
        .satisfies(e -> assertThat(((ApiException) e).attempts()).isEqualTo(4))
        .satisfies(e -> assertThat(((ApiException) e).outcomeUnknown()).isFalse());
    wm.verify(4, getRequestedFor(urlEqualTo("/api/x")));
    assertThat(sleeps).hasSize(3);
  }

  @ParameterizedTest
  @ValueSource(ints = {500, 502, 504})
  void aPostAnsweredWithAnUnknownOutcomeIsSentOnceAndSaysToCheck(int status) {
    wm.stubFor(post("/api/leads").willReturn(aResponse().withStatus(status)));

    assertThatThrownBy(() -> client().execute(postLead()))
        .isInstanceOfSatisfying(
            ServerException.class,
            e -> {
              assertThat(e.outcomeUnknown()).isTrue();
              assertThat(e.attempts()).isEqualTo(1);
              assertThat(e.getMessage())
                  .contains("POST /leads was answered " + status + " after 1 attempt")
                  .contains("check whether it took effect before resubmitting");
            });
    wm.verify(exactly(1), postRequestedFor(urlEqualTo("/api/leads")));
    assertThat(sleeps).isEmpty();
  }

  @Test
  void aPostResetAfterSendingIsSentOnceWithAnUnknownOutcome() {
    wm.stubFor(
        post("/api/leads").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

    assertThatThrownBy(() -> client().execute(postLead()))
        .isInstanceOfSatisfying(
            TransportException.class,
            e -> {
              assertThat(e.outcomeUnknown()).isTrue();
              assertThat(e.attempts()).isEqualTo(1);
              assertThat(e.getMessage()).contains("check whether it took effect");
            });
    wm.verify(exactly(1), postRequestedFor(urlEqualTo("/api/leads")));
  }

  @Test
  void aRequestMarkedRepeatableIsRetriedLikeAReadAndAdvisedLikeOne() {
    wm.stubFor(post("/api/token").willReturn(aResponse().withStatus(500)));
    ApiRequest token = ApiRequest.json(HttpMethod.POST, "/token", Map.of("a", 1)).repeatable();

    assertThatThrownBy(() -> client().execute(token))
        .isInstanceOfSatisfying(
            ServerException.class,
            e -> {
              assertThat(e.outcomeUnknown()).isFalse();
              assertThat(e.attempts()).isEqualTo(4);
              assertThat(e.getMessage()).contains("try again later").doesNotContain("check");
            });
    wm.verify(exactly(4), postRequestedFor(urlEqualTo("/api/token")));
  }

  @Test
  void aRepeatableRequestThatTimesOutIsRetried() {
    wm.stubFor(post("/api/token").willReturn(aResponse().withStatus(200).withFixedDelay(1500)));
    ApiClient impatient =
        client(RetrySettings.DEFAULTS)
            .settings(
                new HttpSettings(
                    Duration.ofSeconds(5), Duration.ofMillis(200), RetrySettings.DEFAULTS))
            .build();
    ApiRequest token = ApiRequest.json(HttpMethod.POST, "/token", Map.of("a", 1)).repeatable();

    assertThatThrownBy(() -> impatient.execute(token))
        .isInstanceOfSatisfying(
            TransportException.class,
            e -> {
              assertThat(e.outcomeUnknown()).isFalse();
              assertThat(e.attempts()).isEqualTo(4);
              assertThat(e.getMessage())
                  .contains("raise the read time-out")
                  .doesNotContain("check");
            });
    wm.verify(exactly(4), postRequestedFor(urlEqualTo("/api/token")));
  }

  @Test
  void a503WithRetryAfterBeyondTheCapCarriesTheAdviceLikeA429() {
    wm.stubFor(
        post("/api/leads")
            .willReturn(aResponse().withStatus(503).withHeader("Retry-After", "600")));

    assertThatThrownBy(() -> client().execute(postLead()))
        .isInstanceOfSatisfying(
            RateLimitedException.class,
            e -> {
              assertThat(e.status()).isEqualTo(503);
              assertThat(e.retryAfter()).contains(Duration.ofMinutes(10));
              assertThat(e.outcomeUnknown()).isFalse();
              assertThat(e.getMessage()).contains("wait 600 s");
            });
    wm.verify(exactly(1), postRequestedFor(urlEqualTo("/api/leads")));
    assertThat(sleeps).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "text/html|<html><body><h1>Welcome</h1></body></html>|not JSON",
        "application/json||an empty body",
        "application/json|{\"id\": |not JSON",
        "application/json|[1, 2]|JSON, but not an object"
      })
  void aSuccessThatIsNotThePlatformsAnswerIsNeverASuccess(
      String type, String body, String problem) {
    wm.stubFor(
        post("/api/leads")
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", type)
                    .withBody(body == null ? "" : body)));
    ApiRequest lead = postLead().expecting(AnswerCheck.JSON_OBJECT);

    assertThatThrownBy(() -> client().execute(lead))
        .isInstanceOfSatisfying(
            UnexpectedResponseException.class,
            e -> {
              assertThat(e.outcomeUnknown()).isTrue();
              assertThat(e.status()).isEqualTo(200);
              assertThat(e.contentType()).contains(type);
              assertThat(e.responseBody()).isEqualTo(body == null ? "" : body);
              assertThat(e.getMessage())
                  .contains(
                      "was answered 200 with " + type, problem, "check whether it took effect");
            });
    wm.verify(exactly(1), postRequestedFor(urlEqualTo("/api/leads")));
  }

  @Test
  void aReadAnsweredWithAWebPageFailsNamingTheBaseUrl() {
    wm.stubFor(
        get("/api/agents")
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "text/html; charset=utf-8")
                    .withBody("<!doctype html><title>Sign in</title><p>Please sign in</p>")));

    assertThatThrownBy(() -> client().execute(ApiRequest.of(HttpMethod.GET, "/agents")))
        .isInstanceOfSatisfying(
            UnexpectedResponseException.class,
            e -> {
              assertThat(e.outcomeUnknown()).isFalse();
              assertThat(e.contentType()).contains("text/html; charset=utf-8");
              assertThat(e.getMessage())
                  .contains("Sign in Please sign in", "base URL")
                  .doesNotContain("<p>", "check whether");
            });
    wm.verify(exactly(1), getRequestedFor(urlEqualTo("/api/agents")));
  }

  @Test
  void theTextOfANonJsonErrorIsInTheMessageTrimmedMaskedAndCut() {
    wm.stubFor(
        post("/api/leads")
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withHeader("Content-Type", "text/plain")
                    .withBody(
                        "\n  recipientPhoneNumber is not a mobile number (key "
                            + KEY
                            + ")\n"
                            + "x".repeat(1000))));

    assertThatThrownBy(() -> client().execute(postLead()))
        .isInstanceOfSatisfying(
            InvalidRequestException.class,
            e -> {
              assertThat(e.getMessage())
                  .contains("(\"recipientPhoneNumber is not a mobile number (key ****) xxx")
                  .doesNotContain(KEY);
              assertThat(e.getMessage().length()).isLessThan(600);
            });
  }

  @Test
  void anInterruptWhileWaitingToRetryEndsTheCallWithTheLastAnswerAndKeepsTheInterrupt() {
    wm.stubFor(post("/api/leads").willReturn(aResponse().withStatus(503)));
    ApiClient c =
        client(RetrySettings.DEFAULTS)
            .sleeper(
                millis -> {
                  throw new InterruptedException();
                })
            .build();

    try {
      assertThatThrownBy(() -> c.execute(postLead()))
          .isInstanceOfSatisfying(
              ServerException.class,
              e -> {
                assertThat(e.status()).isEqualTo(503);
                assertThat(e.attempts()).isEqualTo(1);
                assertThat(e.outcomeUnknown()).isFalse();
              });
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
    } finally {
      Thread.interrupted();
    }
    wm.verify(exactly(1), postRequestedFor(urlEqualTo("/api/leads")));
  }

  @Test
  void attemptsCountEveryRequestOnTheWireTheJdksOwnResendIncluded() throws Exception {
    try (ClosingServer server = new ClosingServer()) {
      ApiClient c =
          client(RetrySettings.DEFAULTS)
              .baseUrl(URI.create("http://127.0.0.1:" + server.port()))
              .build();

      assertThatThrownBy(() -> c.execute(ApiRequest.of(HttpMethod.GET, "/x")))
          .isInstanceOfSatisfying(
              TransportException.class,
              e -> assertThat(e.attempts()).isEqualTo(server.requests()).isEqualTo(4));

      int before = server.requests();
      assertThatThrownBy(() -> c.execute(postLead()))
          .isInstanceOfSatisfying(
              TransportException.class,
              e -> {
                assertThat(e.attempts()).isEqualTo(1);
                assertThat(e.outcomeUnknown()).isTrue();
              });
      assertThat(server.requests() - before).isEqualTo(1);
    }
  }

  /** A server that reads each request whole, then closes the connection without answering. */
  static final class ClosingServer implements AutoCloseable {
    private final ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    private final AtomicInteger requests = new AtomicInteger();
    private final Thread acceptor;

    ClosingServer() throws IOException {
      acceptor =
          new Thread(
              () -> {
                while (!socket.isClosed()) {
                  try (Socket s = socket.accept()) {
                    BufferedReader in =
                        new BufferedReader(
                            new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
                    int length = 0;
                    String line;
                    while ((line = in.readLine()) != null && !line.isEmpty()) {
                      if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                        length = Integer.parseInt(line.substring(15).trim());
                      }
                    }
                    for (int i = 0; i < length; i++) {
                      in.read();
                    }
                    requests.incrementAndGet();
                  } catch (IOException e) {
                    // closed
                  }
                }
              },
              "closing-server");
      acceptor.setDaemon(true);
      acceptor.start();
    }

    int port() {
      return socket.getLocalPort();
    }

    int requests() {
      return requests.get();
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }

  @Test
  void honoursRetryAfterInSeconds() {
    wm.stubFor(
        post("/api/leads")
            .inScenario("r")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "7"))
            .willSetStateTo("ok"));
    wm.stubFor(
        post("/api/leads")
            .inScenario("r")
            .whenScenarioStateIs("ok")
            .willReturn(aResponse().withStatus(200)));

    assertThat(client().execute(postLead()).attempts()).isEqualTo(2);
    assertThat(sleeps).containsExactly(7000L);
  }

  @Test
  void honoursRetryAfterAsHttpDate() {
    String date =
        DateTimeFormatter.RFC_1123_DATE_TIME.format(
            ZonedDateTime.ofInstant(now.plusSeconds(12), ZoneOffset.UTC));
    wm.stubFor(
        post("/api/leads")
            .inScenario("d")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(aResponse().withStatus(429).withHeader("Retry-After", date))
            .willSetStateTo("ok"));
    wm.stubFor(
        post("/api/leads")
            .inScenario("d")
            .whenScenarioStateIs("ok")
            .willReturn(aResponse().withStatus(200)));

    client().execute(postLead());
    assertThat(sleeps).containsExactly(12000L);
  }

  @Test
  void retryAfterBeyondTheCapEndsTheCallWithTheAdvice() {
    wm.stubFor(
        post("/api/leads")
            .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3600")));

    assertThatThrownBy(() -> client().execute(postLead()))
        .isInstanceOfSatisfying(
            RateLimitedException.class,
            e -> {
              assertThat(e.retryAfter()).contains(Duration.ofHours(1));
              assertThat(e.attempts()).isEqualTo(1);
              assertThat(e.getMessage()).contains("wait 3600 s");
            });
    wm.verify(1, postRequestedFor(urlEqualTo("/api/leads")));
    assertThat(sleeps).isEmpty();
  }

  @Test
  void persistent429BecomesRateLimitedAfterRetries() {
    wm.stubFor(
        post("/api/leads").willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")));

    assertThatThrownBy(() -> client().execute(postLead()))
        .isInstanceOfSatisfying(
            RateLimitedException.class, e -> assertThat(e.attempts()).isEqualTo(4));
    assertThat(sleeps).containsExactly(1000L, 1000L, 1000L);
  }

  @Test
  void badRequestIsNotRetriedAndCarriesThePlatformMessage() {
    wm.stubFor(
        post("/api/leads")
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withBody("{\"message\":\"recipientPhoneNumber must be 10 digits\"}")));

    assertThatThrownBy(() -> client().execute(postLead()))
        .isInstanceOfSatisfying(
            InvalidRequestException.class,
            e -> {
              assertThat(e.platformMessage()).contains("recipientPhoneNumber must be 10 digits");
              assertThat(e.status()).isEqualTo(400);
              assertThat(e.failure().method()).isEqualTo("POST");
              assertThat(e.failure().path()).isEqualTo("/leads");
              assertThat(e.getMessage())
                  .contains(
                      "POST /leads",
                      "400",
                      "recipientPhoneNumber must be 10 digits",
                      "Fix the request");
            });
    wm.verify(1, postRequestedFor(urlEqualTo("/api/leads")));
  }

  @Test
  void statusesMapToTheirExceptions() {
    Map<Integer, Class<? extends ApiException>> expected =
        Map.of(
            401,
            AuthenticationException.class,
            403,
            AuthenticationException.class,
            404,
            NotFoundException.class,
            422,
            InvalidRequestException.class,
            409,
            ClientErrorException.class,
            501,
            ServerException.class);
    expected.forEach(
        (status, type) -> {
          wm.stubFor(get("/api/s" + status).willReturn(aResponse().withStatus(status)));
          assertThatThrownBy(() -> client().execute(ApiRequest.of(HttpMethod.GET, "/s" + status)))
              .as("status %d", status)
              .isInstanceOf(type);
        });
    assertThatThrownBy(() -> client().execute(ApiRequest.of(HttpMethod.GET, "/s401")))
        .hasMessageContaining("check test.api-key");
  }

  @Test
  void serverErrorOnPostIsNotRetriedByDefault() {
    wm.stubFor(post("/api/leads").willReturn(aResponse().withStatus(500)));

    assertThatThrownBy(() -> client().execute(postLead()))
        .isInstanceOf(ServerException.class)
        .hasMessageContaining("may or may not have acted")
        .satisfies(e -> assertThat(((ApiException) e).outcomeUnknown()).isTrue());
    wm.verify(1, postRequestedFor(urlEqualTo("/api/leads")));
  }

  @Test
  void serverErrorOnPostIsRetriedWhenTheUserOptsIn() {
    wm.stubFor(post("/api/leads").willReturn(aResponse().withStatus(500)));
    RetrySettings optIn =
        new RetrySettings(
            3, Duration.ofMillis(10), 2.0, Duration.ofSeconds(1), Duration.ofSeconds(60), true);

    assertThatThrownBy(() -> client(optIn).build().execute(postLead()))
        .isInstanceOf(ServerException.class);
    wm.verify(3, postRequestedFor(urlEqualTo("/api/leads")));
  }

  @Test
  void serverErrorOnGetIsRetried() {
    wm.stubFor(get("/api/x").willReturn(aResponse().withStatus(500)));

    assertThatThrownBy(() -> client().execute(ApiRequest.of(HttpMethod.GET, "/x")))
        .isInstanceOf(ServerException.class);
    wm.verify(4, getRequestedFor(urlEqualTo("/api/x")));
  }

  @Test
  void readTimeoutOnPostIsATransportFailureWithUnknownOutcomeAndNotRetried() {
    wm.stubFor(post("/api/leads").willReturn(aResponse().withStatus(200).withFixedDelay(3000)));
    ApiClient impatient =
        client(RetrySettings.DEFAULTS)
            .settings(
                new HttpSettings(
                    Duration.ofSeconds(5), Duration.ofMillis(300), RetrySettings.DEFAULTS))
            .build();

    assertThatThrownBy(() -> impatient.execute(postLead()))
        .isInstanceOfSatisfying(
            TransportException.class,
            e -> {
              assertThat(e.outcomeUnknown()).isTrue();
              assertThat(e.attempts()).isEqualTo(1);
              assertThat(e.getMessage()).contains("may have been acted on");
            });
    wm.verify(1, postRequestedFor(urlEqualTo("/api/leads")));
  }

  @Test
  void connectionRefusedIsRetriedThenATransportFailure() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    ApiClient c =
        client(RetrySettings.DEFAULTS).baseUrl(URI.create("http://127.0.0.1:" + port)).build();

    assertThatThrownBy(() -> c.execute(postLead()))
        .isInstanceOfSatisfying(
            TransportException.class,
            e -> {
              assertThat(e.outcomeUnknown()).isFalse();
              assertThat(e.attempts()).isEqualTo(4);
              assertThat(e.getMessage()).contains("could not connect after 4 attempts");
            });
    assertThat(sleeps).hasSize(3);
  }

  @Test
  void theKeyNeverLeaksIntoMessagesBodiesOrLogs(CapturedOutput output) {
    wm.stubFor(
        post("/api/leads")
            .willReturn(
                aResponse().withStatus(401).withBody("{\"error\":\"invalid key " + KEY + "\"}")));
    wm.stubFor(get("/api/x").willReturn(aResponse().withStatus(503).withBody("down, key=" + KEY)));

    ApiClient c = client();
    assertThatThrownBy(() -> c.execute(postLead()))
        .isInstanceOfSatisfying(
            AuthenticationException.class,
            e -> {
              assertThat(e.getMessage()).doesNotContain(KEY).contains("invalid key ****");
              assertThat(e.responseBody()).doesNotContain(KEY);
              assertThat(e.platformMessage().orElseThrow()).doesNotContain(KEY);
              assertThat(e.failure().toString()).doesNotContain(KEY);
            });
    assertThatThrownBy(() -> c.execute(ApiRequest.of(HttpMethod.GET, "/x")))
        .satisfies(e -> assertThat(((ApiException) e).responseBody()).isEqualTo("down, key=****"));
    assertThat(c.toString()).doesNotContain(KEY);
    assertThat(output.getAll()).contains("retrying").doesNotContain(KEY);
  }

  static final String SLASHED_KEY = "fk_live_7Qp/x+Z9key";

  /** Every form a platform may echo the key in: none may leave the SDK. */
  static final Map<String, String> KEY_FORMS =
      Map.of(
          "raw", SLASHED_KEY,
          "JSON-escaped", "fk_live_7Qp\\/x+Z9key",
          "URL-encoded", "fk_live_7Qp%2Fx%2BZ9key",
          "URL-encoded, lower case", "fk_live_7Qp%2fx%2bZ9key",
          "Base64",
              java.util.Base64.getEncoder()
                  .encodeToString(SLASHED_KEY.getBytes(StandardCharsets.UTF_8)));

  @ParameterizedTest
  @ValueSource(
      strings = {"raw", "JSON-escaped", "URL-encoded", "URL-encoded, lower case", "Base64"})
  void theKeyIsMaskedInEveryFormTheAnswerEchoesItIn(String form, CapturedOutput output) {
    String echoed = KEY_FORMS.get(form);
    wm.stubFor(
        post("/api/leads")
            .willReturn(
                aResponse()
                    .withStatus(403)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"message\":\"key "
                            + echoed
                            + " refused\",\"key\":\""
                            + echoed
                            + "\"}")));
    wm.stubFor(
        get("/api/x")
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "text/html")
                    .withBody("<p>key=" + echoed + "</p>")));
    ApiClient c =
        client(RetrySettings.DEFAULTS)
            .authenticator(Authenticator.apiKey("x-api-key", Secret.of(SLASHED_KEY)))
            .build();

    wm.stubFor(
        get("/api/y").willReturn(aResponse().withStatus(503).withBody("down for key " + echoed)));

    List<ApiException> thrown = new java.util.ArrayList<>();
    for (ApiRequest request :
        List.of(
            postLead(), ApiRequest.of(HttpMethod.GET, "/x"), ApiRequest.of(HttpMethod.GET, "/y"))) {
      try {
        c.execute(request);
      } catch (ApiException e) {
        thrown.add(e);
      }
    }

    assertThat(thrown).hasSize(3);
    assertThat(output.getAll()).contains("GET /y answered 503");
    for (ApiException e : thrown) {
      List<String> texts =
          List.of(
              e.getMessage(),
              e.toString(),
              e.responseBody(),
              e.failure().toString(),
              e.platformMessage().orElse(""));
      for (String text : texts) {
        for (String leaked : KEY_FORMS.values()) {
          assertThat(text).as(form + " in " + text).doesNotContain(leaked);
        }
      }
      assertThat(e.responseBody()).contains("****");
    }
    for (String leaked : KEY_FORMS.values()) {
      assertThat(output.getAll()).doesNotContain(leaked);
    }
  }

  @Test
  void longBodiesAreCutTo2KB() {
    wm.stubFor(get("/api/x").willReturn(aResponse().withStatus(404).withBody("é".repeat(3000))));

    assertThatThrownBy(() -> client().execute(ApiRequest.of(HttpMethod.GET, "/x")))
        .isInstanceOfSatisfying(
            NotFoundException.class,
            e ->
                assertThat(
                        e.responseBody().getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
                    .isLessThanOrEqualTo(2048 + 3));
  }

  @Test
  void deprecationIsWarnedOncePerEndpoint(CapturedOutput output) {
    wm.stubFor(
        get("/api/old")
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Deprecation", "true")
                    .withHeader("Sunset", "Sat, 01 May 2027 00:00:00 GMT")));
    ApiClient c = client();
    c.execute(ApiRequest.of(HttpMethod.GET, "/old"));
    c.execute(ApiRequest.of(HttpMethod.GET, "/old"));

    String log = output.getAll();
    assertThat(log).contains("GET /old is deprecated", "Sat, 01 May 2027");
    assertThat(log.indexOf("is deprecated")).isEqualTo(log.lastIndexOf("is deprecated"));
  }

  @Test
  void renewsCredentialsOnceAfter401() {
    wm.stubFor(
        get("/api/me")
            .inScenario("t")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(aResponse().withStatus(401))
            .willSetStateTo("renewed"));
    wm.stubFor(
        get("/api/me")
            .inScenario("t")
            .whenScenarioStateIs("renewed")
            .willReturn(aResponse().withStatus(200)));
    int[] renewals = {0};
    Authenticator renewing =
        new Authenticator() {
          @Override
          public void authenticate(org.springframework.http.HttpHeaders headers) {
            headers.setBearerAuth("token-" + renewals[0]);
          }

          @Override
          public boolean renewAfterUnauthorized() {
            renewals[0]++;
            return true;
          }

          @Override
          public List<Secret> secrets() {
            return List.of();
          }
        };

    ApiResponse r =
        client(RetrySettings.DEFAULTS)
            .authenticator(renewing)
            .build()
            .execute(ApiRequest.of(HttpMethod.GET, "/me"));
    assertThat(r.attempts()).isEqualTo(2);
    assertThat(renewals[0]).isEqualTo(1);
    wm.verify(
        getRequestedFor(urlEqualTo("/api/me"))
            .withHeader("Authorization", equalTo("Bearer token-1")));
  }
}
