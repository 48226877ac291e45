package dev.switchboard.workflux.webhook;

import dev.switchboard.core.webhook.OrderedEvent;
import dev.switchboard.core.webhook.WebhookDelivery;
import dev.switchboard.workflux.internal.JsonMaps;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * A WorkFlux webhook event. WorkFlux names its events ({@code conversation.started}, {@code
 * conversation.completed}, {@code agent.response}) but documents no payload: the SDK reads the type
 * from {@code type} (or {@code event}), the body from {@code data}, and keeps the raw JSON. Every
 * other type, such as escalations and integration status updates whose names are not documented,
 * arrives as {@link UnknownWorkFluxEvent}.
 *
 * <p>Listen for one member ({@code @EventListener void on(ConversationCompleted event)}) or for the
 * whole family ({@code @EventListener void on(WorkFluxEvent event)}) and switch over it.
 */
public sealed interface WorkFluxEvent extends OrderedEvent
    permits ConversationStarted, ConversationCompleted, AgentResponse, UnknownWorkFluxEvent {

  /**
   * The conversation this event is about ({@link #conversationId()}), so the inbox mode dispatches
   * one conversation's events in order.
   *
   * @return the id, or null when the event names none
   */
  @Override
  default String orderingKey() {
    return conversationId().orElse(null);
  }

  /**
   * The event's own id ({@code id} in the payload), when it has one. The delivery's id, used to
   * recognise a delivery made twice, is the {@code webhook-id} header.
   *
   * @return the id, or {@code null}
   */
  String id();

  /**
   * The event type as sent, such as {@code conversation.completed}.
   *
   * @return the type, or {@code null} when the payload named none
   */
  String type();

  /**
   * When the event happened ({@code created_at} or {@code timestamp}), as sent.
   *
   * @return the text, or {@code null}
   */
  String createdAt();

  /**
   * The event's body: the {@code data} object, or, when the payload has none, every top-level field
   * but the type.
   *
   * @return the fields, in their JSON form
   */
  Map<String, Object> data();

  /**
   * The payload exactly as received.
   *
   * @return the raw JSON
   */
  String rawJson();

  /**
   * What arrived with the event: the idempotency key ({@code webhook-id}), the raw bytes, the
   * headers without the signature headers, and the time received. Carried by the record rather than
   * a thread-local, so {@code @Async} listeners reach it too.
   *
   * @return the delivery, or {@code null} for an event parsed or built outside the receiver
   */
  WebhookDelivery delivery();

  /**
   * A copy of this event carrying a delivery.
   *
   * @param delivery the delivery
   * @return the copy
   */
  WorkFluxEvent withDelivery(WebhookDelivery delivery);

  /**
   * {@link #createdAt()} as an instant, when it is ISO-8601 or epoch seconds.
   *
   * @return the instant
   */
  default Optional<Instant> createdAtInstant() {
    return JsonMaps.instant(createdAt());
  }

  /**
   * The conversation the event is about: {@code conversation_id}, {@code conversationId} or {@code
   * conversation.id} in the body.
   *
   * @return the id, when present
   */
  default Optional<String> conversationId() {
    String id = JsonMaps.text(data(), "conversation_id", "conversationId");
    if (id == null) {
      id = JsonMaps.text(JsonMaps.object(data(), "conversation"), "id");
    }
    return Optional.ofNullable(id);
  }

  /**
   * The agent the event is about: {@code agent_id}, {@code agentId} or {@code agent.id} in the
   * body.
   *
   * @return the id, when present
   */
  default Optional<String> agentId() {
    String id = JsonMaps.text(data(), "agent_id", "agentId");
    if (id == null) {
      id = JsonMaps.text(JsonMaps.object(data(), "agent"), "id");
    }
    return Optional.ofNullable(id);
  }

  /**
   * Any field of the body.
   *
   * @param name the field's JSON name
   * @return the value in its JSON form
   */
  default Optional<Object> field(String name) {
    return Optional.ofNullable(data().get(name));
  }
}
