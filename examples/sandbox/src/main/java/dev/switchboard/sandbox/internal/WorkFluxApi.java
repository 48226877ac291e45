package dev.switchboard.sandbox.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import dev.switchboard.core.json.internal.Json;
import dev.switchboard.sandbox.internal.Deliverer.Outbound;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * WorkFlux under {@code /workflux/v1}: the client-credentials token endpoint (a JSON body, as the
 * document shows), agents and conversations, and webhook subscriptions whose events are signed with
 * the subscription's secret. Lists answer {@code {"data": [...]}} with {@code limit} and {@code
 * cursor} paging ({@code has_more}, {@code next_cursor}).
 */
public final class WorkFluxApi {

  private static final String PREFIX = "/workflux/v1";
  private static final List<String> AGENT_NAMES =
      List.of("Delivery confirmation", "Payment reminder", "Support triage");
  private static final List<String> CONVERSATION_EVENTS =
      List.of("conversation.started", "agent.response", "conversation.completed");

  private final Settings settings;
  private final Chaos chaos;
  private final Deliverer deliverer;
  private final SplittableRandom random;
  private final ConcurrentMap<String, Instant> tokens = new ConcurrentHashMap<>();
  private final Map<String, Map<String, Object>> agents = new LinkedHashMap<>();
  private final Map<String, Map<String, Object>> conversations = new LinkedHashMap<>();
  private final Map<String, Subscription> webhooks = new LinkedHashMap<>();
  private final AtomicInteger ids = new AtomicInteger();

  private record Subscription(
      String id, URI url, List<String> events, String secret, String createdAt) {
    Map<String, Object> json() {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("id", id);
      json.put("url", url.toString());
      json.put("events", events);
      json.put("status", "active");
      json.put("created_at", createdAt);
      return json;
    }

    boolean wants(String type) {
      return events.isEmpty() || events.contains(type) || events.contains("*");
    }
  }

  /**
   * Creates the WorkFlux side, with three agents and two past conversations.
   *
   * @param settings the sandbox's settings
   * @param chaos the failure source
   * @param deliverer sends the events
   */
  public WorkFluxApi(Settings settings, Chaos chaos, Deliverer deliverer) {
    this.settings = settings;
    this.chaos = chaos;
    this.deliverer = deliverer;
    this.random = new SplittableRandom(settings.seed() * 31 + 7);
    String now = settings.clock().instant().toString();
    for (String name : AGENT_NAMES) {
      Map<String, Object> agent = new LinkedHashMap<>();
      agent.put("id", "agt_" + CallSimulator.objectId(random).substring(0, 12));
      agent.put("name", name);
      agent.put("status", "active");
      agent.put("created_at", now);
      agent.put("updated_at", now);
      agents.put((String) agent.get("id"), agent);
    }
    List<String> agentIds = new ArrayList<>(agents.keySet());
    for (int i = 0; i < 2; i++) {
      Map<String, Object> conversation = newConversation(agentIds.get(i), Map.of(), now);
      conversation.put("status", "completed");
      conversations.put((String) conversation.get("id"), conversation);
    }
  }

  /**
   * Handles every request under {@code /workflux/v1}.
   *
   * @param exchange the request
   * @throws IOException when the answer cannot be written
   */
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath().substring(PREFIX.length());
      String method = exchange.getRequestMethod();
      String[] parts = path.split("/");
      Optional<Chaos.Refusal> refusal = chaos.beforeAnswer("workflux " + method + " " + path);
      if (refusal.isPresent()) {
        FutworkApi.refuse(exchange, refusal.get());
        return;
      }
      try {
        if (path.equals("/auth/token")) {
          requireMethod(method, "POST");
          token(exchange);
          return;
        }
        authenticate(exchange);
        if (parts.length < 2) {
          FutworkApi.notFound(exchange);
          return;
        }
        switch (parts[1]) {
          case "agents" -> resources(exchange, method, parts, agents, this::newAgent);
          case "conversations" ->
              resources(exchange, method, parts, conversations, this::createConversation);
          case "webhooks" -> webhooks(exchange, method, parts);
          default -> FutworkApi.notFound(exchange);
        }
      } catch (Http.BadRequest e) {
        Http.json(exchange, e.status, e.body);
      }
    }
  }

  private void token(HttpExchange exchange) throws IOException {
    JsonNode body = Http.jsonBody(exchange);
    String grant = body.path("grant_type").asText("");
    if (!grant.equals("client_credentials")) {
      Http.json(
          exchange,
          400,
          oauthError("unsupported_grant_type", "grant_type must be client_credentials."));
      return;
    }
    String clientId = body.path("client_id").asText("");
    String secret = body.path("client_secret").asText(null);
    if (!clientId.equals(settings.workfluxClientId())
        || secret == null
        || !settings.workfluxClientSecret().matches(secret)) {
      Http.json(exchange, 401, oauthError("invalid_client", "Unknown client or wrong secret."));
      return;
    }
    String token = "wfx_" + CallSimulator.uuid(new SplittableRandom(nextSeed()));
    tokens.put(token, settings.clock().instant().plus(settings.tokenTtl()));
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("access_token", token);
    answer.put("token_type", "Bearer");
    answer.put("expires_in", settings.tokenTtl().toSeconds());
    Http.json(exchange, 200, answer);
  }

  private void authenticate(HttpExchange exchange) {
    String header = exchange.getRequestHeaders().getFirst("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      throw new Http.BadRequest(
          401,
          oauthError(
              "invalid_token",
              "Missing bearer token: get one from POST /v1/auth/token and send it as"
                  + " Authorization: Bearer <token>."));
    }
    Instant expiry = tokens.get(header.substring(7).trim());
    if (expiry == null) {
      throw new Http.BadRequest(401, oauthError("invalid_token", "Unknown access token."));
    }
    if (!settings.clock().instant().isBefore(expiry)) {
      throw new Http.BadRequest(401, oauthError("invalid_token", "The access token expired."));
    }
  }

  private interface Creator {
    Map<String, Object> create(JsonNode body);
  }

  private void resources(
      HttpExchange exchange,
      String method,
      String[] parts,
      Map<String, Map<String, Object>> store,
      Creator creator)
      throws IOException {
    if (parts.length == 2) {
      if (method.equals("GET")) {
        synchronized (store) {
          list(exchange, new ArrayList<>(store.values()));
        }
        return;
      }
      requireMethod(method, "GET, POST");
      Map<String, Object> created = creator.create(Http.jsonBody(exchange));
      Http.json(exchange, 201, created);
      return;
    }
    if (parts.length != 3) {
      FutworkApi.notFound(exchange);
      return;
    }
    String id = parts[2];
    synchronized (store) {
      Map<String, Object> resource = store.get(id);
      if (resource == null) {
        Http.json(exchange, 404, oauthError("not_found", "No " + parts[1] + " with id " + id));
        return;
      }
      switch (method) {
        case "GET" -> Http.json(exchange, 200, resource);
        case "PATCH", "PUT" -> {
          Map<String, Object> changes = map(Http.jsonBody(exchange));
          changes.remove("id");
          resource.putAll(changes);
          resource.put("updated_at", settings.clock().instant().toString());
          Http.json(exchange, 200, resource);
        }
        case "DELETE" -> {
          store.remove(id);
          Http.empty(exchange, 204);
        }
        default -> requireMethod(method, "GET, PATCH, PUT, DELETE");
      }
    }
  }

  private Map<String, Object> newAgent(JsonNode body) {
    Map<String, Object> agent = map(body);
    if (!(agent.get("name") instanceof String name) || name.isBlank()) {
      throw new Http.BadRequest(400, oauthError("invalid_request", "name is required."));
    }
    String now = settings.clock().instant().toString();
    agent.put(
        "id", "agt_" + CallSimulator.objectId(new SplittableRandom(nextSeed())).substring(12));
    agent.putIfAbsent("status", "active");
    agent.put("created_at", now);
    agent.put("updated_at", now);
    synchronized (agents) {
      agents.put((String) agent.get("id"), agent);
    }
    return agent;
  }

  /** Creates a conversation and sends its started, agent-response and completed events. */
  private Map<String, Object> createConversation(JsonNode body) {
    Map<String, Object> fields = map(body);
    String agentId = fields.get("agent_id") instanceof String s ? s : null;
    synchronized (agents) {
      if (agentId == null || !agents.containsKey(agentId)) {
        throw new Http.BadRequest(
            400,
            oauthError(
                "invalid_request", "agent_id must name an agent (GET /v1/agents lists them)."));
      }
    }
    String now = settings.clock().instant().toString();
    Map<String, Object> conversation = newConversation(agentId, fields, now);
    synchronized (conversations) {
      conversations.put((String) conversation.get("id"), conversation);
    }
    List<Outbound> events = new ArrayList<>();
    for (String type : CONVERSATION_EVENTS) {
      Map<String, Object> data = new LinkedHashMap<>(conversation);
      data.put("conversation_id", conversation.get("id"));
      if (type.equals("agent.response")) {
        data.put("message", "Hello! How can I help you today?");
      }
      if (type.equals("conversation.completed")) {
        data.put("status", "completed");
        data.put("summary", "Customer asked about an order; the agent answered.");
      }
      events.addAll(event(type, data, null));
    }
    List<Outbound> order = new ArrayList<>(events);
    if (chaos.outOfOrder("workflux/" + conversation.get("id"))) {
      java.util.Collections.reverse(order);
    }
    deliverer.sendInOrder(order, Duration.ZERO);
    conversation.put("status", "active");
    return conversation;
  }

  private Map<String, Object> newConversation(
      String agentId, Map<String, Object> fields, String now) {
    Map<String, Object> conversation = new LinkedHashMap<>(fields);
    conversation.put("id", "conv_" + CallSimulator.objectId(new SplittableRandom(nextSeed())));
    conversation.put("agent_id", agentId);
    conversation.putIfAbsent("channel", "voice");
    conversation.put("status", "active");
    conversation.put("created_at", now);
    conversation.put("updated_at", now);
    return conversation;
  }

  private void webhooks(HttpExchange exchange, String method, String[] parts) throws IOException {
    if (parts.length == 2) {
      if (method.equals("GET")) {
        synchronized (webhooks) {
          list(exchange, webhooks.values().stream().map(Subscription::json).toList());
        }
        return;
      }
      requireMethod(method, "GET, POST");
      Http.json(exchange, 201, subscribe(Http.jsonBody(exchange)).json());
      return;
    }
    String id = parts[2];
    Subscription subscription;
    synchronized (webhooks) {
      subscription = webhooks.get(id);
    }
    if (subscription == null) {
      Http.json(exchange, 404, oauthError("not_found", "No webhook with id " + id));
      return;
    }
    if (parts.length == 4 && parts[3].equals("test")) {
      requireMethod(method, "POST");
      Map<String, Object> data = new LinkedHashMap<>();
      data.put("webhook_id", id);
      data.put("message", "This is a test event from the WorkFlux sandbox.");
      List<Outbound> sent = event("webhook.test", data, subscription);
      deliverer.sendInOrder(sent, Duration.ZERO);
      Map<String, Object> answer = new LinkedHashMap<>();
      answer.put("status", "sent");
      answer.put("event_id", sent.get(0).key());
      Http.json(exchange, 202, answer);
      return;
    }
    if (parts.length != 3) {
      FutworkApi.notFound(exchange);
      return;
    }
    switch (method) {
      case "GET" -> Http.json(exchange, 200, subscription.json());
      case "DELETE" -> {
        synchronized (webhooks) {
          webhooks.remove(id);
        }
        Http.empty(exchange, 204);
      }
      default -> requireMethod(method, "GET, DELETE");
    }
  }

  private Subscription subscribe(JsonNode body) {
    if (!Modules.present(Modules.WORKFLUX)) {
      throw new Http.BadRequest(
          501,
          oauthError(
              "not_implemented",
              "The sandbox signs WorkFlux events with the SDK's signer: add "
                  + "dev.switchboard:workflux-client to its classpath."));
    }
    URI url;
    try {
      url = URI.create(body.path("url").asText(""));
    } catch (IllegalArgumentException e) {
      throw new Http.BadRequest(400, oauthError("invalid_request", "url is not a valid URL."));
    }
    if (url.getScheme() == null
        || !(url.getScheme().equals("http") || url.getScheme().equals("https"))) {
      throw new Http.BadRequest(
          400, oauthError("invalid_request", "url must be an http or https URL."));
    }
    String secret = body.path("secret").asText("");
    if (secret.isBlank()) {
      throw new Http.BadRequest(
          400, oauthError("invalid_request", "secret is required: events are signed with it."));
    }
    if (secret.startsWith("whsec_")) {
      try {
        java.util.Base64.getDecoder().decode(secret.substring(6));
      } catch (IllegalArgumentException e) {
        throw new Http.BadRequest(
            400, oauthError("invalid_request", "A whsec_ secret must be base64 after the prefix."));
      }
    }
    List<String> events = new ArrayList<>();
    body.path("events").forEach(e -> events.add(e.asText()));
    String id = "webhook-" + (ids.incrementAndGet() + 100);
    Subscription subscription =
        new Subscription(
            id, url, List.copyOf(events), secret, settings.clock().instant().toString());
    synchronized (webhooks) {
      webhooks.put(id, subscription);
    }
    return subscription;
  }

  /** Builds one signed delivery of an event per subscription that wants it (or to {@code only}). */
  private List<Outbound> event(String type, Map<String, Object> data, Subscription only) {
    String eventId = "evt_" + CallSimulator.objectId(new SplittableRandom(nextSeed()));
    Map<String, Object> envelope = new LinkedHashMap<>();
    envelope.put("id", eventId);
    envelope.put("type", type);
    envelope.put("created_at", settings.clock().instant().toString());
    envelope.put("data", data);
    byte[] body;
    try {
      body = Json.mapper().writeValueAsBytes(envelope);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
    List<Subscription> targets;
    synchronized (webhooks) {
      targets =
          only != null
              ? List.of(only)
              : webhooks.values().stream().filter(s -> s.wants(type)).toList();
    }
    List<Outbound> out = new ArrayList<>();
    for (Subscription target : targets) {
      String messageId = "msg_" + eventId.substring(4);
      out.add(
          new Outbound(
              "workflux",
              type,
              eventId,
              target::url,
              body,
              () ->
                  WorkFluxSigner.sign(
                      target.secret(), messageId, settings.clock().instant(), body)));
    }
    return out;
  }

  private void list(HttpExchange exchange, List<Map<String, Object>> all) throws IOException {
    Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
    int limit = number(query.getOrDefault("limit", "20"), "limit");
    if (limit < 1 || limit > 100) {
      throw new Http.BadRequest(
          400, oauthError("invalid_request", "limit must be between 1 and 100."));
    }
    int from = number(query.getOrDefault("cursor", "0"), "cursor");
    int to = Math.min(all.size(), from + limit);
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("data", from >= all.size() ? List.of() : all.subList(from, to));
    answer.put("has_more", to < all.size());
    answer.put("next_cursor", to < all.size() ? String.valueOf(to) : null);
    Http.json(exchange, 200, answer);
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> query = new LinkedHashMap<>();
    if (raw != null) {
      for (String pair : raw.split("&")) {
        int eq = pair.indexOf('=');
        if (eq > 0) {
          query.put(
              pair.substring(0, eq),
              java.net.URLDecoder.decode(
                  pair.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8));
        }
      }
    }
    return query;
  }

  private static int number(String value, String name) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new Http.BadRequest(400, oauthError("invalid_request", name + " must be a number."));
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(JsonNode body) {
    return Json.mapper().convertValue(body, LinkedHashMap.class);
  }

  private static void requireMethod(String method, String allowed) {
    if (!List.of(allowed.split(", ")).contains(method)) {
      Map<String, Object> body = oauthError("method_not_allowed", "Use " + allowed + ".");
      throw new Http.BadRequest(405, body);
    }
  }

  private static Map<String, Object> oauthError(String error, String message) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", error);
    body.put("message", message);
    return body;
  }

  private synchronized long nextSeed() {
    return random.nextLong();
  }
}
