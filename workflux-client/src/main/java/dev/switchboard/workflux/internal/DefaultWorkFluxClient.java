package dev.switchboard.workflux.internal;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.switchboard.core.Secret;
import dev.switchboard.core.http.AnswerCheck;
import dev.switchboard.core.http.ApiClient;
import dev.switchboard.core.http.ApiPath;
import dev.switchboard.core.http.ApiRequest;
import dev.switchboard.core.http.ApiResponse;
import dev.switchboard.core.http.BaseUrl;
import dev.switchboard.core.http.BuiltOnFirstCall;
import dev.switchboard.core.http.HttpSettings;
import dev.switchboard.core.http.RetrySettings;
import dev.switchboard.workflux.client.Agent;
import dev.switchboard.workflux.client.ConnectivityReport;
import dev.switchboard.workflux.client.Conversation;
import dev.switchboard.workflux.client.Page;
import dev.switchboard.workflux.client.WebhookSubscription;
import dev.switchboard.workflux.client.WorkFluxClient;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.springframework.http.HttpMethod;
import org.springframework.retry.backoff.Sleeper;
import org.springframework.web.client.RestClient;

/** The {@link WorkFluxClient}: every call goes through sdk-core's {@link ApiClient}. */
public final class DefaultWorkFluxClient implements WorkFluxClient {

  private static final String PLATFORM = "workflux";
  private static final String MODULE = "workflux-client";
  private static final String HINT = "workflux.client-id and workflux.client-secret";
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  /**
   * What the client is built from.
   *
   * @param clientId the OAuth client id
   * @param clientSecret the OAuth client secret
   * @param baseUrl the base URL, such as {@code https://api.workflux.ai/v1}
   * @param tokenSkew how long before expiry a token is renewed
   * @param http time-outs and retries
   * @param connectivityTimeout the longest a connectivity check may take
   * @param restClientBuilder gives the builder to start from, asked on the first call; null for
   *     {@link RestClient#builder()}
   * @param sleeper the wait between attempts, or null for real waiting
   * @param clock the time source for token expiry
   */
  public record Settings(
      String clientId,
      Secret clientSecret,
      String baseUrl,
      Duration tokenSkew,
      HttpSettings http,
      Duration connectivityTimeout,
      Supplier<RestClient.Builder> restClientBuilder,
      Sleeper sleeper,
      Clock clock) {}

  private final Settings settings;
  private final URI baseUrl;
  private final Duration connectivityTimeout;
  private final Clock clock;

  /**
   * The token manager and the clients every call goes through, built on the first call: an
   * application's startup need not pay for them, and a receiver-only one never calls WorkFlux.
   */
  private final BuiltOnFirstCall<Connections> connections =
      new BuiltOnFirstCall<>() {
        @Override
        protected Connections build() {
          return connect();
        }
      };

  private record Connections(OAuthTokenManager tokens, ApiClient api, ApiClient checkApi) {}

  /**
   * Creates the client. Its settings are checked here, so that a wrong base URL fails the
   * application's startup; what it needs to call WorkFlux is built on the first call.
   *
   * @param settings what it is built from
   */
  public DefaultWorkFluxClient(Settings settings) {
    this.settings = settings;
    this.baseUrl = BaseUrl.require(settings.baseUrl(), "workflux.base-url");
    Objects.requireNonNull(settings.http(), "http");
    this.connectivityTimeout =
        Objects.requireNonNull(settings.connectivityTimeout(), "connectivityTimeout");
    this.clock = settings.clock();
  }

  private Connections connect() {
    OAuthTokenManager tokens =
        new OAuthTokenManager(
            settings.clientId(),
            settings.clientSecret(),
            settings.tokenSkew(),
            settings.clock(),
            auth -> client(settings.http(), auth));
    Duration connect = min(settings.http().connectTimeout(), connectivityTimeout);
    return new Connections(
        tokens,
        client(settings.http(), tokens),
        client(new HttpSettings(connect, connectivityTimeout, RetrySettings.NONE), tokens));
  }

  private ApiClient client(HttpSettings http, dev.switchboard.core.http.Authenticator auth) {
    ApiClient.Builder builder =
        ApiClient.builder()
            .platform(PLATFORM)
            .module(MODULE)
            .baseUrl(baseUrl)
            .settings(http)
            .authenticator(auth)
            .clock(settings.clock())
            .credentialsHint(HINT);
    if (settings.restClientBuilder() != null) {
      builder.restClientBuilder(settings.restClientBuilder());
    }
    if (settings.sleeper() != null) {
      builder.sleeper(settings.sleeper());
    }
    return builder.build();
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  // agents

  @Override
  public Page<Agent> listAgents(Map<String, ?> params) {
    return page("/agents", PageWalker.withQuery("/agents", params), Agent::fromJson);
  }

  @Override
  public Stream<Agent> streamAgents(Map<String, ?> params) {
    return stream("/agents", params, Agent::fromJson);
  }

  @Override
  public Agent getAgent(String id) {
    return Agent.fromJson(record(HttpMethod.GET, "/agents/{id}", id, null));
  }

  @Override
  public Agent createAgent(Map<String, ?> fields) {
    return Agent.fromJson(record(HttpMethod.POST, "/agents", null, body(fields)));
  }

  @Override
  public Agent updateAgent(String id, Map<String, ?> fields) {
    return Agent.fromJson(record(HttpMethod.PATCH, "/agents/{id}", id, body(fields)));
  }

  @Override
  public void deleteAgent(String id) {
    call(HttpMethod.DELETE, "/agents/{id}", id, null);
  }

  // conversations

  @Override
  public Page<Conversation> listConversations(Map<String, ?> params) {
    return page(
        "/conversations", PageWalker.withQuery("/conversations", params), Conversation::fromJson);
  }

  @Override
  public Stream<Conversation> streamConversations(Map<String, ?> params) {
    return stream("/conversations", params, Conversation::fromJson);
  }

  @Override
  public Conversation getConversation(String id) {
    return Conversation.fromJson(record(HttpMethod.GET, "/conversations/{id}", id, null));
  }

  @Override
  public Conversation createConversation(Map<String, ?> fields) {
    return Conversation.fromJson(record(HttpMethod.POST, "/conversations", null, body(fields)));
  }

  @Override
  public Conversation updateConversation(String id, Map<String, ?> fields) {
    return Conversation.fromJson(record(HttpMethod.PATCH, "/conversations/{id}", id, body(fields)));
  }

  @Override
  public void deleteConversation(String id) {
    call(HttpMethod.DELETE, "/conversations/{id}", id, null);
  }

  // webhooks

  @Override
  public WebhookSubscription createWebhook(String url, List<String> events, String secret) {
    if (url == null || url.isBlank()) {
      throw new IllegalArgumentException("url must not be blank");
    }
    if (events == null || events.isEmpty()) {
      throw new IllegalArgumentException("events must name at least one event");
    }
    if (secret == null || secret.isBlank()) {
      throw new IllegalArgumentException(
          "secret must not be blank: WorkFlux signs every delivery with it");
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("url", url);
    body.put("events", List.copyOf(events));
    body.put("secret", secret);
    return WebhookSubscription.fromJson(record(HttpMethod.POST, "/webhooks", null, body));
  }

  @Override
  public Page<WebhookSubscription> listWebhooks(Map<String, ?> params) {
    return page(
        "/webhooks", PageWalker.withQuery("/webhooks", params), WebhookSubscription::fromJson);
  }

  @Override
  public Stream<WebhookSubscription> streamWebhooks(Map<String, ?> params) {
    return stream("/webhooks", params, WebhookSubscription::fromJson);
  }

  @Override
  public WebhookSubscription getWebhook(String id) {
    return WebhookSubscription.fromJson(record(HttpMethod.GET, "/webhooks/{id}", id, null));
  }

  @Override
  public void deleteWebhook(String id) {
    call(HttpMethod.DELETE, "/webhooks/{id}", id, null);
  }

  @Override
  public ApiResponse sendTestEvent(String id) {
    return call(HttpMethod.POST, "/webhooks/{id}/test", id, null);
  }

  // raw and connectivity

  @Override
  public ApiResponse request(HttpMethod method, String path, Object body) {
    return connections.get().api().execute(ApiRequest.json(method, path, body).expecting(RAW));
  }

  @Override
  public ConnectivityReport checkConnectivity() {
    Instant started = clock.instant();
    long t0 = System.nanoTime();
    Connections c = connections.get();
    CompletableFuture<String> check = new CompletableFuture<>();
    Thread worker =
        new Thread(
            () -> {
              try {
                c.tokens().accessToken();
                ApiResponse r =
                    c.checkApi()
                        .execute(
                            ApiRequest.of(HttpMethod.GET, "/agents?limit=1")
                                .expecting(LIST)
                                .withTemplate("/agents"));
                check.complete("GET /agents answered " + r.status());
              } catch (RuntimeException e) {
                check.completeExceptionally(e);
              }
            },
            "workflux-connectivity-check");
    worker.setDaemon(true);
    worker.start();
    try {
      String detail = check.get(connectivityTimeout.toMillis(), TimeUnit.MILLISECONDS);
      return new ConnectivityReport(true, elapsed(t0), detail, started);
    } catch (TimeoutException e) {
      return new ConnectivityReport(
          false,
          elapsed(t0),
          "No answer within "
              + connectivityTimeout.toMillis()
              + " ms (workflux.connectivity.timeout)",
          started);
    } catch (ExecutionException e) {
      return new ConnectivityReport(
          false, elapsed(t0), String.valueOf(e.getCause().getMessage()), started);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new ConnectivityReport(false, elapsed(t0), "Interrupted", started);
    }
  }

  private static Duration elapsed(long t0) {
    return Duration.ofNanos(System.nanoTime() - t0);
  }

  // helpers

  /**
   * Calls a path built from a template and an id (encoded as one segment), or the template itself
   * when {@code id} is null; the template names the call in its observation.
   */
  private ApiResponse call(HttpMethod method, String template, String id, Object body) {
    return connections.get().api().execute(request(method, template, id, body));
  }

  private static ApiRequest request(HttpMethod method, String template, String id, Object body) {
    String path = id == null ? template : ApiPath.of(template, id);
    return ApiRequest.json(method, path, body).withTemplate(template);
  }

  private static Object body(Map<String, ?> fields) {
    return Objects.requireNonNull(fields, "fields");
  }

  /**
   * A record the platform answers with: a JSON object holding its id, at the top level or under
   * {@code data}. Anything else is not the platform's answer, so a record never comes back without
   * its id (for a POST, the call fails with its outcome unknown).
   */
  private static final AnswerCheck RECORD =
      response -> {
        String problem = AnswerCheck.problem(response.body(), true, false);
        if (problem != null) {
          return problem;
        }
        return JsonMaps.text(one(response), "id") == null ? "a JSON object without an id" : null;
      };

  /**
   * A raw call's answer: JSON or nothing, unless it declares another format (an export as {@code
   * text/csv}); never a web page or broken JSON.
   */
  private static final AnswerCheck RAW =
      response -> {
        String type = response.header("Content-Type").orElse("").toLowerCase(Locale.ROOT);
        boolean other = !type.isEmpty() && !type.contains("json") && !type.startsWith("text/html");
        return other ? null : AnswerCheck.JSON_OR_EMPTY.problem(response);
      };

  /** A page: a JSON array, or an object holding a {@code data} array. */
  private static final AnswerCheck LIST =
      response -> {
        String problem = AnswerCheck.problem(response.body(), false, false);
        if (problem != null) {
          return problem;
        }
        Object json = response.bodyAs(Object.class);
        return json instanceof List<?>
                || (json instanceof Map<?, ?> map && map.get("data") instanceof List<?>)
            ? null
            : "JSON without a \"data\" list";
      };

  private Map<String, Object> record(HttpMethod method, String template, String id, Object body) {
    return one(
        connections.get().api().execute(request(method, template, id, body).expecting(RECORD)));
  }

  /** A single object; unwrapped from {@code {"data": {...}}} when the answer wraps it. */
  private static Map<String, Object> one(ApiResponse response) {
    Map<String, Object> json = response.bodyAs(MAP);
    if (json == null) {
      return Map.of();
    }
    Map<String, Object> data = JsonMaps.object(json, "data");
    if (data != null && !json.containsKey("id")) {
      return data;
    }
    return json;
  }

  private <T> Page<T> page(String template, String request, Function<Map<String, Object>, T> item) {
    ApiResponse response =
        connections
            .get()
            .api()
            .execute(ApiRequest.of(HttpMethod.GET, request).expecting(LIST).withTemplate(template));
    Object json = response.bodyAs(Object.class);
    List<Object> items;
    Map<String, Object> paging = new LinkedHashMap<>();
    if (json instanceof List<?> list) {
      items = new ArrayList<>(list);
    } else if (json instanceof Map<?, ?> map && map.get("data") instanceof List<?> list) {
      items = new ArrayList<>(list);
      map.forEach(
          (k, v) -> {
            if (!"data".equals(k)) {
              paging.put(String.valueOf(k), v);
            }
          });
    } else {
      throw new IllegalStateException("checked by LIST");
    }
    List<T> data = new ArrayList<>(items.size());
    for (Object o : items) {
      if (o instanceof Map<?, ?> m) {
        @SuppressWarnings("unchecked")
        Map<String, Object> fields = (Map<String, Object>) m;
        data.add(item.apply(fields));
      }
    }
    return new Page<>(data, paging);
  }

  private <T> Stream<T> stream(
      String path, Map<String, ?> params, Function<Map<String, Object>, T> item) {
    return PageWalker.stream(
        PageWalker.withQuery(path, params),
        request -> page(path, request, item),
        p -> PageWalker.nextRequest(p, path, params, baseUrl));
  }

  @Override
  public String toString() {
    return "WorkFluxClient["
        + baseUrl
        + ", "
        + OAuthTokenManager.describe(settings.clientId())
        + "]";
  }
}
