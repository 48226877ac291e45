package dev.switchboard.sandbox.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import dev.switchboard.core.json.internal.Json;
import dev.switchboard.sandbox.internal.Deliverer.Outbound;
import dev.switchboard.sandbox.internal.FutworkPayloads.CampaignLeadIn;
import dev.switchboard.sandbox.internal.FutworkPayloads.WorkflowLeadIn;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Futwork's two lead endpoints: checks the key and the fields as the platforms would, accepts the
 * lead, "calls" it, and after the call's length posts the post-call delivery to the callback URL.
 */
public final class FutworkApi {

  private static final Logger log = LoggerFactory.getLogger(FutworkApi.class);
  private static final Pattern TEN_DIGITS = Pattern.compile("\\d{10}");

  private final Settings settings;
  private final Chaos chaos;
  private final Deliverer deliverer;
  private final FlowforgeApi flowforge;
  private final ConcurrentMap<String, Integer> seen = new ConcurrentHashMap<>();
  private final AtomicInteger accepted = new AtomicInteger();

  /**
   * Creates the endpoints.
   *
   * @param settings the sandbox's settings
   * @param chaos the failure source
   * @param deliverer sends the post-call deliveries
   * @param flowforge adds Flowforge deliveries to campaign calls
   */
  public FutworkApi(Settings settings, Chaos chaos, Deliverer deliverer, FlowforgeApi flowforge) {
    this.settings = settings;
    this.chaos = chaos;
    this.deliverer = deliverer;
    this.flowforge = flowforge;
  }

  /**
   * Returns how many leads were accepted.
   *
   * @return the count
   */
  public int acceptedLeads() {
    return accepted.get();
  }

  /**
   * Answers any path the sandbox does not know.
   *
   * @param exchange the request
   * @throws IOException when the answer cannot be written
   */
  public static void notFound(HttpExchange exchange) throws IOException {
    try (exchange) {
      Http.json(
          exchange,
          404,
          Http.error(
              "No route "
                  + exchange.getRequestMethod()
                  + " "
                  + exchange.getRequestURI().getPath()
                  + ". The sandbox serves /omni/api/workflows/{workflowId}/leads,"
                  + " /platform/api/campaigns/{campaignId}/leads, /workflux/v1/... and"
                  + " /flowforge/conversations."));
    }
  }

  /**
   * Handles {@code POST /omni/api/workflows/{workflowId}/leads}.
   *
   * @param exchange the request
   * @throws IOException when the answer cannot be written
   */
  public void handleWorkflows(HttpExchange exchange) throws IOException {
    handle(exchange, "/omni/api", "workflows", true);
  }

  /**
   * Handles {@code POST /platform/api/campaigns/{campaignId}/leads}.
   *
   * @param exchange the request
   * @throws IOException when the answer cannot be written
   */
  public void handleCampaigns(HttpExchange exchange) throws IOException {
    handle(exchange, "/platform/api", "campaigns", false);
  }

  private void handle(HttpExchange exchange, String prefix, String collection, boolean workflow)
      throws IOException {
    try (exchange) {
      String[] segments = exchange.getRequestURI().getPath().substring(prefix.length()).split("/");
      // "", collection, id, "leads"
      if (segments.length != 4
          || !segments[1].equals(collection)
          || segments[2].isBlank()
          || !segments[3].equals("leads")) {
        notFound(exchange);
        return;
      }
      if (!exchange.getRequestMethod().equals("POST")) {
        exchange.getResponseHeaders().set("Allow", "POST");
        Http.json(exchange, 405, Http.error("Use POST to submit a lead."));
        return;
      }
      String presented = exchange.getRequestHeaders().getFirst("x-api-key");
      if (presented == null || !settings.futworkApiKey().matches(presented)) {
        Http.json(
            exchange,
            401,
            Http.error(
                presented == null
                    ? "Missing API key: send the key Futwork gave you in the x-api-key header."
                    : "Invalid API key."));
        return;
      }
      String id = segments[2];
      try {
        JsonNode body = Http.jsonBody(exchange);
        Optional<Chaos.Refusal> refusal = chaos.beforeAnswer(collection + "/" + id + body);
        if (refusal.isPresent()) {
          refuse(exchange, refusal.get());
          return;
        }
        String phone = phone(body);
        Map<String, Object> recipientData = recipientData(body);
        Map<String, Object> answer =
            workflow
                ? acceptWorkflowLead(id, phone, recipientData, referenceId(body))
                : acceptCampaignLead(id, phone, recipientData);
        Http.json(exchange, 200, answer);
      } catch (Http.BadRequest e) {
        Http.json(exchange, e.status, e.body);
      }
    }
  }

  static void refuse(HttpExchange exchange, Chaos.Refusal refusal) throws IOException {
    exchange
        .getResponseHeaders()
        .set("Retry-After", String.valueOf(refusal.retryAfter().toSeconds()));
    Http.json(
        exchange,
        refusal.status(),
        Http.error(
            refusal.status() == 429
                ? "Too many requests: retry after " + refusal.retryAfter().toSeconds() + " s."
                : "Service temporarily unavailable: retry after "
                    + refusal.retryAfter().toSeconds()
                    + " s."));
  }

  private static String phone(JsonNode body) {
    JsonNode phone = body.get("recipientPhoneNumber");
    if (phone == null || phone.isNull()) {
      throw new Http.BadRequest(
          400, Http.error("recipientPhoneNumber is required.", "recipientPhoneNumber"));
    }
    if (!phone.isTextual() || !TEN_DIGITS.matcher(phone.asText()).matches()) {
      throw new Http.BadRequest(
          400,
          Http.error(
              "recipientPhoneNumber must be a 10-digit phone number such as \"9999789877\".",
              "recipientPhoneNumber"));
    }
    return phone.asText();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> recipientData(JsonNode body) {
    JsonNode data = body.get("recipientData");
    if (data == null || data.isNull()) {
      throw new Http.BadRequest(400, Http.error("recipientData is required.", "recipientData"));
    }
    if (!data.isObject()) {
      throw new Http.BadRequest(
          400, Http.error("recipientData must be a JSON object.", "recipientData"));
    }
    return Collections.unmodifiableMap(Json.mapper().convertValue(data, LinkedHashMap.class));
  }

  private static String referenceId(JsonNode body) {
    JsonNode ref = body.get("referenceId");
    if (ref == null || ref.isNull() || (ref.isTextual() && ref.asText().isBlank())) {
      throw new Http.BadRequest(
          400, Http.error("referenceId is required for workflow leads.", "referenceId"));
    }
    if (!ref.isTextual()) {
      throw new Http.BadRequest(400, Http.error("referenceId must be a string.", "referenceId"));
    }
    return ref.asText();
  }

  private Map<String, Object> acceptWorkflowLead(
      String workflowId, String phone, Map<String, Object> recipientData, String referenceId) {
    String key = "workflow/" + workflowId + "/" + referenceId;
    SplittableRandom random = random(key);
    String leadId = CallSimulator.objectId(random);
    SimulatedCall call = CallSimulator.simulate(random, recipientData, referenceId);
    WorkflowLeadIn lead = new WorkflowLeadIn(workflowId, phone, recipientData, referenceId);
    accepted.incrementAndGet();
    log.info("Accepted workflow lead {} for {}: {}", referenceId, workflowId, call.disposition());
    if (settings.futworkCallback() != null) {
      List<Outbound> deliveries = new ArrayList<>();
      if (call.retriedFirst()) {
        deliveries.add(
            futwork(
                "workflow.post_call.intermediate",
                referenceId,
                FutworkPayloads.workflowIntermediate(lead)));
      }
      deliveries.add(
          futwork("workflow.post_call", referenceId, FutworkPayloads.workflowPostCall(lead, call)));
      send(key, deliveries, random);
    }
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("leadId", leadId);
    data.put("referenceId", referenceId);
    data.put("workflowId", workflowId);
    data.put("status", "queued");
    return answer(data);
  }

  private Map<String, Object> acceptCampaignLead(
      String campaignId, String phone, Map<String, Object> recipientData) {
    String key = "campaign/" + campaignId + "/" + phone + "/" + recipientData;
    SplittableRandom random = random(key);
    String leadId = CallSimulator.objectId(random);
    String agentId = agentId(campaignId);
    SimulatedCall call = CallSimulator.simulate(random, recipientData, null);
    String providerCallId = CallSimulator.uuid(random);
    CampaignLeadIn lead = new CampaignLeadIn(campaignId, leadId, agentId, phone, recipientData);
    accepted.incrementAndGet();
    log.info("Accepted campaign lead {} for {}: {}", leadId, campaignId, call.disposition());
    List<Outbound> deliveries = new ArrayList<>();
    if (settings.futworkCallback() != null) {
      deliveries.add(
          futwork(
              "campaign.post_call",
              call.callId(),
              FutworkPayloads.campaignPostCall(lead, call, providerCallId)));
    }
    deliveries.addAll(flowforge.forCampaignCall(lead, call, random));
    send(key, deliveries, random);
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("leadId", leadId);
    data.put("campaignId", campaignId);
    data.put("status", "queued");
    return answer(data);
  }

  private void send(String key, List<Outbound> deliveries, SplittableRandom random) {
    List<Outbound> order = new ArrayList<>(deliveries);
    if (chaos.outOfOrder(key)) {
      Collections.reverse(order);
    }
    List<Outbound> withDuplicates = new ArrayList<>();
    for (Outbound outbound : order) {
      withDuplicates.add(outbound);
      if (chaos.duplicate(outbound.key() + outbound.event())) {
        withDuplicates.add(outbound);
      }
    }
    deliverer.sendInOrder(withDuplicates, callDelay(random));
  }

  private Outbound futwork(String event, String key, byte[] body) {
    Supplier<Map<String, String>> headers =
        settings.futworkWebhookSecret() == null
            ? Map::of
            : () ->
                Map.of(settings.futworkWebhookHeader(), settings.futworkWebhookSecret().reveal());
    return new Outbound("futwork", event, key, settings.futworkCallback(), body, headers);
  }

  private Duration callDelay(SplittableRandom random) {
    long min = settings.callDelayMin().toMillis();
    long max = settings.callDelayMax().toMillis();
    return Duration.ofMillis(max == min ? min : min + random.nextLong(max - min + 1));
  }

  private String agentId(String campaignId) {
    return CallSimulator.objectId(new SplittableRandom(settings.seed() ^ campaignId.hashCode()));
  }

  private SplittableRandom random(String key) {
    int n = seen.merge(key, 1, Integer::sum);
    return new SplittableRandom(((settings.seed() * 31) + key.hashCode()) * 31 + n);
  }

  private static Map<String, Object> answer(Map<String, Object> data) {
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("success", true);
    answer.put("message", "Lead accepted");
    answer.put("data", data);
    return answer;
  }
}
