package dev.switchboard.sandbox.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.switchboard.core.json.Json;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The one place Flowforge bodies are made, in the documented envelope ({@code id}, {@code data},
 * {@code event}, {@code object}, {@code created_at} without a zone). The form and intent events use
 * either the documented name ({@code captured_form.created}) or the one the samples carry ({@code
 * capturedform.created}), drawn from the seed: a receiver must accept both.
 */
final class FlowforgePayloads {

  static final String FORM_CREATED = "captured_form.created";
  static final String INTENT_CREATED = "captured_intent.created";
  static final String CONVERSATION_CLOSED = "conversation.closed";

  private static final DateTimeFormatter CREATED_AT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

  private FlowforgePayloads() {}

  /** The ids one conversation's events share. */
  record Conversation(
      String conversationId, String widgetId, String assistantId, String deviceType) {}

  static byte[] formCreated(
      SplittableRandom random,
      Conversation conversation,
      String formName,
      Map<String, Object> fieldValues,
      Instant at) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("form_id", CallSimulator.uuid(random));
    data.put("form_name", formName);
    data.put("widget_id", conversation.widgetId());
    data.put("assistant_id", conversation.assistantId());
    data.put("field_values", fieldValues);
    data.put("conversation_id", conversation.conversationId());
    data.put("captured_form_id", CallSimulator.uuid(random));
    return envelope(random, data, random.nextBoolean() ? FORM_CREATED : "capturedform.created", at);
  }

  static byte[] intentCreated(
      SplittableRandom random,
      Conversation conversation,
      String intentName,
      int chatCount,
      Instant at) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("intent_id", CallSimulator.uuid(random));
    data.put("chat_count", chatCount);
    data.put("intent_name", intentName);
    data.put("device_type", conversation.deviceType());
    data.put("widget_id", conversation.widgetId());
    data.put("assistant_id", conversation.assistantId());
    data.put("conversation_id", conversation.conversationId());
    return envelope(
        random, data, random.nextBoolean() ? INTENT_CREATED : "capturedintent.created", at);
  }

  static byte[] conversationClosed(
      SplittableRandom random,
      Conversation conversation,
      String contactId,
      int chatCount,
      String firstMessage,
      Instant at) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("widget_id", conversation.widgetId());
    data.put("chat_count", chatCount);
    data.put("contact_id", contactId);
    data.put("device_type", conversation.deviceType());
    data.put("assistant_id", conversation.assistantId());
    data.put("first_message", firstMessage);
    data.put("conversation_id", conversation.conversationId());
    return envelope(random, data, CONVERSATION_CLOSED, at);
  }

  private static byte[] envelope(
      SplittableRandom random, Map<String, Object> data, String event, Instant at) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", CallSimulator.uuid(random));
    body.put("data", data);
    body.put("event", event);
    body.put("object", "event");
    body.put("created_at", CREATED_AT.format(at));
    try {
      return Json.mapper().writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
