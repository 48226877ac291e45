package dev.switchboard.sandbox.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.switchboard.core.json.internal.Json;
import dev.switchboard.flowforge.webhook.CapturedFormCreated;
import dev.switchboard.flowforge.webhook.CapturedIntentCreated;
import dev.switchboard.flowforge.webhook.ConversationClosed;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * The one place Flowforge bodies are made, from the SDK's own records ({@link CapturedFormCreated},
 * {@link CapturedIntentCreated}, {@link ConversationClosed}) written with the SDK's own mapper: the
 * documented envelope ({@code id}, {@code data}, {@code event}, {@code object}, {@code created_at}
 * without a zone). The form and intent events use either the documented name ({@code
 * captured_form.created}) or the one the samples carry ({@code capturedform.created}), drawn from
 * the seed: a receiver must accept both.
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
    Map<String, String> values = new LinkedHashMap<>();
    fieldValues.forEach((name, value) -> values.put(name, String.valueOf(value)));
    CapturedFormCreated.Data data =
        new CapturedFormCreated.Data(
            CallSimulator.uuid(random),
            formName,
            conversation.widgetId(),
            conversation.assistantId(),
            values,
            conversation.conversationId(),
            CallSimulator.uuid(random));
    String event = random.nextBoolean() ? FORM_CREATED : "capturedform.created";
    return write(
        new CapturedFormCreated(
            CallSimulator.uuid(random),
            event,
            "event",
            CREATED_AT.format(at),
            data,
            Optional.empty(),
            null));
  }

  static byte[] intentCreated(
      SplittableRandom random,
      Conversation conversation,
      String intentName,
      int chatCount,
      Instant at) {
    CapturedIntentCreated.Data data =
        new CapturedIntentCreated.Data(
            CallSimulator.uuid(random),
            intentName,
            chatCount,
            conversation.deviceType(),
            conversation.widgetId(),
            conversation.assistantId(),
            conversation.conversationId());
    String event = random.nextBoolean() ? INTENT_CREATED : "capturedintent.created";
    return write(
        new CapturedIntentCreated(
            CallSimulator.uuid(random),
            event,
            "event",
            CREATED_AT.format(at),
            data,
            Optional.empty(),
            null));
  }

  static byte[] conversationClosed(
      SplittableRandom random,
      Conversation conversation,
      String contactId,
      int chatCount,
      String firstMessage,
      Instant at) {
    ConversationClosed.Data data =
        new ConversationClosed.Data(
            conversation.widgetId(),
            chatCount,
            contactId,
            conversation.deviceType(),
            conversation.assistantId(),
            firstMessage,
            conversation.conversationId());
    return write(
        new ConversationClosed(
            CallSimulator.uuid(random),
            CONVERSATION_CLOSED,
            "event",
            CREATED_AT.format(at),
            data,
            Optional.empty(),
            null));
  }

  private static byte[] write(Object body) {
    try {
      return Json.mapper().writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
