package dev.switchboard.workflux.internal;

import dev.switchboard.core.Secret;
import dev.switchboard.core.http.AnswerCheck;
import dev.switchboard.core.http.ApiClient;
import dev.switchboard.core.http.ApiPath;
import dev.switchboard.core.http.ApiRequest;
import dev.switchboard.core.http.ApiResponse;
import dev.switchboard.core.http.BaseUrl;
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
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.retry.backoff.Sleeper;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.client.RestClient;

/** The {@link WorkFluxClient}: every call goes through sdk-core's {@link ApiClient}. */
public final class DefaultWorkFluxClient implements WorkFluxClient {

  private static final String PLATFORM = "workflux";
  private static final String MODULE = "workflux-client";
  private static final String HINT = "workflux.client-id and workflux.client-secret";
  private static final ParameterizedTypeReference<Map<String, Object>> MAP =
      new ParameterizedTypeReference<>() {};

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
  private final SingletonSupplier<Connections> connections = SingletonSupplier.of(this::connect);

  private final Resource<Agent> agents = new Resource<>("/agents", Agent::fromJson);
  private final Resource<Conversation> conversations =
      new Resource<>("/conversations", Conversation::fromJson);
  private final Resource<WebhookSubscription> webhooks =
      new Resource<>("/webhooks", WebhookSubscription::fromJson);

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
    return agents.list(params);
  }

  @Override
  public Stream<Agent> streamAgents(Map<String, ?> params) {
    return agents.stream(params);
  }

  @Override
  public Agent getAgent(String id) {
    return agents.get(id);
  }

  @Override
  public Agent createAgent(Map<String, ?> fields) {
    return agents.create(fields);
  }

  @Override
  public Agent updateAgent(String id, Map<String, ?> fields) {
    return agents.update(id, fields);
  }

  @Override
  public void deleteAgent(String id) {
    agents.delete(id);
  }

  // conversations

  @Override
  public Page<Conversation> listConversations(Map<String, ?> params) {
    return conversations.list(params);
  }

  @Override
  public Stream<Conversation> streamConversations(Map<String, ?> params) {
    return conversations.stream(params);
  }

  @Override
  public Conversation getConversation(String id) {
    return conversations.get(id);
  }

  @Override
  public Conversation createConversation(Map<String, ?> fields) {
    return conversations.create(fields);
  }

  @Override
  public Conversation updateConversation(String id, Map<String, ?> fields) {
    return conversations.update(id, fields);
  }

  @Override
  public void deleteConversation(String id) {
    conversations.delete(id);
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
    return webhooks.create(body);
  }

  @Override
  public Page<WebhookSubscription> listWebhooks(Map<String, ?> params) {
    return webhooks.list(params);
  }

  @Override
  public Stream<WebhookSubscription> streamWebhooks(Map<String, ?> params) {
    return webhooks.stream(params);
  }

  @Override
  public WebhookSubscription getWebhook(String id) {
    return webhooks.get(id);
  }

  @Override
  public void deleteWebhook(String id) {
    webhooks.delete(id);
  }

  @Override
  public ApiResponse sendTestEvent(String id) {
    return call(HttpMethod.POST, "/webhooks/{id}/test", id, null);
  }

  // raw and connectivity

  @Override
  public ApiResponse request(HttpMethod method, String path, Object body) {
    return connections.obtain().api().execute(ApiRequest.json(method, path, body).expecting(RAW));
  }

  @Override
  public ConnectivityReport checkConnectivity() {
    Instant started = clock.instant();
    long t0 = System.nanoTime();
    Connections c = connections.obtain();
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
   * The calls every kind of platform object shares: list and stream its collection, and create,
   * read, update and delete one by its id. {@code collection} is its path, such as {@code /agents};
   * {@code reader} reads one object from its JSON.
   */
  private final class Resource<T> {
    private final String collection;
    private final String item;
    private final Function<Map<String, Object>, T> reader;

    Resource(String collection, Function<Map<String, Object>, T> reader) {
      this.collection = collection;
      this.item = collection + "/{id}";
      this.reader = reader;
    }

    Page<T> list(Map<String, ?> params) {
      return page(collection, PageWalker.withQuery(collection, params), reader);
    }

    Stream<T> stream(Map<String, ?> params) {
      return DefaultWorkFluxClient.this.stream(collection, params, reader);
    }

    T get(String id) {
      return reader.apply(record(HttpMethod.GET, item, id, null));
    }

    T create(Map<String, ?> fields) {
      return reader.apply(record(HttpMethod.POST, collection, null, body(fields)));
    }

    T update(String id, Map<String, ?> fields) {
      return reader.apply(record(HttpMethod.PATCH, item, id, body(fields)));
    }

    void delete(String id) {
      call(HttpMethod.DELETE, item, id, null);
    }
  }

  /**
   * Calls a path built from a template and an id (encoded as one segment), or the template itself
   * when {@code id} is null; the template names the call in its observation.
   */
  private ApiResponse call(HttpMethod method, String template, String id, Object body) {
    return connections.obtain().api().execute(request(method, template, id, body));
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
        connections.obtain().api().execute(request(method, template, id, body).expecting(RECORD)));
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
            .obtain()
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
