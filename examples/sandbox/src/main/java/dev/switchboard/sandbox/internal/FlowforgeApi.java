package dev.switchboard.sandbox.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import dev.switchboard.core.json.internal.Json;
import dev.switchboard.sandbox.internal.Deliverer.Outbound;
import dev.switchboard.sandbox.internal.FlowforgePayloads.Conversation;
import dev.switchboard.sandbox.internal.FutworkPayloads.CampaignLeadIn;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Flowforge deliveries: for each answered campaign call (as if the campaign's voice agent were a
 * Flowforge phone agent) and on {@code POST /flowforge/conversations}. A conversation gives a
 * captured form (when the customer left details), a captured intent (when one was recognised), and
 * always a conversation-closed event, in that order.
 */
public final class FlowforgeApi {

  private static final Set<String> FORM_DISPOSITIONS =
      Set.of("interested", "order_confirmed", "callback_requested");

  private final Settings settings;
  private final Chaos chaos;
  private final Deliverer deliverer;
  private final AtomicInteger triggered = new AtomicInteger();

  /**
   * Creates the Flowforge side.
   *
   * @param settings the sandbox's settings
   * @param chaos the failure source
   * @param deliverer sends the deliveries
   */
  public FlowforgeApi(Settings settings, Chaos chaos, Deliverer deliverer) {
    this.settings = settings;
    this.chaos = chaos;
    this.deliverer = deliverer;
  }

  /**
   * Handles {@code POST /flowforge/conversations}: a chat conversation with optional {@code
   * field_values} (a form), {@code intent_name}, {@code first_message} and {@code device_type}.
   *
   * @param exchange the request
   * @throws IOException when the answer cannot be written
   */
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!exchange.getRequestURI().getPath().equals("/flowforge/conversations")) {
        FutworkApi.notFound(exchange);
        return;
      }
      if (!exchange.getRequestMethod().equals("POST")) {
        exchange.getResponseHeaders().set("Allow", "POST");
        Http.json(exchange, 405, Http.error("Use POST to start a conversation."));
        return;
      }
      if (settings.flowforgeCallback() == null) {
        Http.json(
            exchange,
            409,
            Http.error(
                "No Flowforge callback URL is configured: start the sandbox with"
                    + " --flowforge.callback-url (or Sandbox.builder().flowforgeCallbackUrl)."));
        return;
      }
      try {
        byte[] bytes = Http.body(exchange);
        JsonNode body = bytes.length == 0 ? Json.mapper().createObjectNode() : Http.jsonBody(bytes);
        int n = triggered.incrementAndGet();
        SplittableRandom random = new SplittableRandom(settings.seed() * 31 + n);
        Conversation conversation =
            new Conversation(
                CallSimulator.uuid(random),
                CallSimulator.uuid(random),
                CallSimulator.uuid(random),
                text(body, "device_type", "desktop"));
        Map<String, Object> fields = fields(body.get("field_values"));
        String intent = text(body, "intent_name", null);
        String first = text(body, "first_message", "User: hi");
        List<Outbound> events =
            conversation(random, conversation, "Chat form", fields, intent, 2, first, "None");
        send("conversation/" + n, events);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("conversation_id", conversation.conversationId());
        answer.put("events", events.stream().map(Outbound::event).toList());
        Http.json(exchange, 202, answer);
      } catch (Http.BadRequest e) {
        Http.json(exchange, e.status, e.body);
      }
    }
  }

  /**
   * The Flowforge deliveries of an answered campaign call, or none when no Flowforge URL is set.
   *
   * @param lead the lead
   * @param call the call
   * @param random the call's random source
   * @return the deliveries, in order
   */
  List<Outbound> forCampaignCall(CampaignLeadIn lead, SimulatedCall call, SplittableRandom random) {
    if (settings.flowforgeCallback() == null || !call.connected()) {
      return List.of();
    }
    Conversation conversation =
        new Conversation(
            call.callId(), CallSimulator.uuid(random), CallSimulator.uuid(random), "phone");
    Map<String, Object> fields = new LinkedHashMap<>();
    if (FORM_DISPOSITIONS.contains(call.disposition())) {
      fields.putAll(lead.recipientData());
      fields.put("phone", lead.phone());
      fields.putAll(call.data());
    }
    String[] lines = call.transcript().split("\n");
    String first = lines.length == 0 ? "" : capitalize(lines[0]);
    String contact = random.nextBoolean() ? "None" : lead.leadId();
    return conversation(
        random,
        conversation,
        "Campaign follow-up",
        fields,
        call.intent(),
        lines.length,
        first,
        contact);
  }

  private List<Outbound> conversation(
      SplittableRandom random,
      Conversation conversation,
      String formName,
      Map<String, Object> fields,
      String intent,
      int chatCount,
      String firstMessage,
      String contactId) {
    Instant now = settings.clock().instant();
    List<Outbound> events = new ArrayList<>();
    String key = conversation.conversationId();
    if (!fields.isEmpty()) {
      events.add(
          outbound(
              FlowforgePayloads.FORM_CREATED,
              key,
              FlowforgePayloads.formCreated(random, conversation, formName, fields, now)));
    }
    if (intent != null) {
      events.add(
          outbound(
              FlowforgePayloads.INTENT_CREATED,
              key,
              FlowforgePayloads.intentCreated(random, conversation, intent, chatCount, now)));
    }
    events.add(
        outbound(
            FlowforgePayloads.CONVERSATION_CLOSED,
            key,
            FlowforgePayloads.conversationClosed(
                random, conversation, contactId, chatCount, firstMessage, now)));
    return events;
  }

  private void send(String key, List<Outbound> events) {
    List<Outbound> order = new ArrayList<>(events);
    if (chaos.outOfOrder(key)) {
      java.util.Collections.reverse(order);
    }
    List<Outbound> all = new ArrayList<>();
    for (Outbound outbound : order) {
      all.add(outbound);
      if (chaos.duplicate(outbound.key() + outbound.event())) {
        all.add(outbound);
      }
    }
    deliverer.sendInOrder(all, Duration.ZERO);
  }

  private Outbound outbound(String event, String key, byte[] body) {
    Supplier<Map<String, String>> headers =
        settings.flowforgeHeaderName() == null
            ? Map::of
            : () ->
                Map.of(settings.flowforgeHeaderName(), settings.flowforgeHeaderValue().reveal());
    return new Outbound("flowforge", event, key, settings.flowforgeCallback(), body, headers);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> fields(JsonNode node) {
    if (node == null || node.isNull()) {
      return Map.of();
    }
    if (!node.isObject()) {
      throw new Http.BadRequest(
          400, Http.error("field_values must be a JSON object.", "field_values"));
    }
    return Json.mapper().convertValue(node, LinkedHashMap.class);
  }

  private static String text(JsonNode body, String field, String fallback) {
    JsonNode value = body.get(field);
    return value != null && value.isTextual() && !value.asText().isBlank()
        ? value.asText()
        : fallback;
  }

  private static String capitalize(String line) {
    return line.isEmpty() ? line : Character.toUpperCase(line.charAt(0)) + line.substring(1);
  }
}
