package dev.switchboard.core.webhook.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import dev.switchboard.core.json.internal.JsonFields;
import dev.switchboard.core.webhook.WebhookPayloadException;
import java.io.IOException;
import java.lang.reflect.Type;
import java.util.Map;
import java.util.function.Function;

/**
 * The one parse step of every receiver: a delivery's bytes read by Jackson data binding into a
 * record, tolerantly. On this mapper a value of the wrong kind becomes {@code null} rather than
 * failing the delivery (the raw bytes still hold it): text fields take numbers and booleans as
 * written and turn objects and arrays into null; booleans are also read from {@code "true"}/{@code
 * "false"} in any case and from numbers (non-zero is true); whole numbers also from their text;
 * maps only from objects, read-only, in order, null values kept. Unknown fields are skipped.
 *
 * <p>A body that is empty, not valid JSON, or has anything after its value, is refused with a
 * {@link WebhookPayloadException} giving the position, never the content.
 */
public final class WebhookJson {

  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .addModule(
              new SimpleModule("switchboard-tolerant-reads")
                  .addDeserializer(String.class, new Text())
                  .addDeserializer(Boolean.class, new Bool())
                  .addDeserializer(Integer.class, new WholeNumber())
                  .addDeserializer(Map.class, new ObjectMap())
                  .addDeserializer(Sent.class, new SentReader())
                  .addDeserializer(SentObject.class, new SentObjectReader()))
          .build();

  private WebhookJson() {}

  /**
   * A reader of one record type, to be built once and kept.
   *
   * @param type the record type (a {@link Class} or a parameterized type)
   * @return the reader
   */
  public static ObjectReader reader(Type type) {
    JavaType javaType = MAPPER.getTypeFactory().constructType(type);
    return MAPPER.readerFor(javaType);
  }

  /**
   * A reader of a generic record type with one type argument, such as an envelope of a data record.
   *
   * @param type the generic type
   * @param argument its type argument
   * @return the reader
   */
  public static ObjectReader reader(Class<?> type, Class<?> argument) {
    return MAPPER.readerFor(MAPPER.getTypeFactory().constructParametricType(type, argument));
  }

  /**
   * Reads a whole body that must be one JSON object into a record.
   *
   * @param body the raw bytes
   * @param reader the record's reader
   * @param notAnObject the message for a valid JSON value that is not an object, given the kind of
   *     value received ({@code array}, {@code string}, {@code number}, {@code boolean}, {@code
   *     null})
   * @param <T> the record type
   * @return the record
   * @throws WebhookPayloadException when the body is empty, not valid JSON, has trailing content or
   *     is not an object
   */
  public static <T> T read(byte[] body, ObjectReader reader, Function<String, String> notAnObject) {
    try (JsonParser parser = reader.createParser(body)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        throw new WebhookPayloadException("The body is empty; a JSON document was expected.");
      }
      T result = null;
      if (first == JsonToken.START_OBJECT) {
        result = reader.readValue(parser);
      } else {
        parser.skipChildren();
      }
      if (parser.nextToken() != null) {
        throw invalid(parser.currentLocation(), "it has content after its JSON value");
      }
      if (result == null) {
        throw new WebhookPayloadException(notAnObject.apply(kind(first)));
      }
      return result;
    } catch (JsonProcessingException e) {
      throw invalid(e.getLocation(), null);
    } catch (IOException e) {
      throw new WebhookPayloadException("The body could not be read as JSON.");
    }
  }

  /**
   * Reads a whole body that must be one JSON object as a read-only map, in its order, with its null
   * values.
   *
   * @param body the raw bytes
   * @param notAnObject as for {@link #read}
   * @return the map
   * @throws WebhookPayloadException as {@link #read} does
   */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> readMap(byte[] body, Function<String, String> notAnObject) {
    return (Map<String, Object>) read(body, MAP_READER, notAnObject);
  }

  private static final ObjectReader MAP_READER = MAPPER.readerFor(Map.class);

  private static String kind(JsonToken token) {
    return switch (token) {
      case START_ARRAY -> "array";
      case VALUE_STRING -> "string";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "number";
      case VALUE_TRUE, VALUE_FALSE -> "boolean";
      default -> "null";
    };
  }

  private static WebhookPayloadException invalid(JsonLocation at, String why) {
    String where =
        at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
    return new WebhookPayloadException(
        "The body is not valid JSON" + (why == null ? "" : ": " + why) + where + ".");
  }

  /** A scalar's text as written; null for an object or an array, which is skipped. */
  private static final class Text extends JsonDeserializer<String> {
    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (p.currentToken().isStructStart()) {
        p.skipChildren();
        return null;
      }
      return p.getText();
    }
  }

  /** A boolean, also from its text in any case or a number; null for anything else. */
  private static final class Bool extends JsonDeserializer<Boolean> {
    @Override
    public Boolean deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      JsonToken t = p.currentToken();
      if (t == JsonToken.VALUE_TRUE || t == JsonToken.VALUE_FALSE) {
        return t == JsonToken.VALUE_TRUE;
      }
      if (t.isNumeric()) {
        return p.getDoubleValue() != 0;
      }
      if (t == JsonToken.VALUE_STRING) {
        String s = p.getText().trim();
        return s.equalsIgnoreCase("true")
            ? Boolean.TRUE
            : s.equalsIgnoreCase("false") ? Boolean.FALSE : null;
      }
      p.skipChildren();
      return null;
    }
  }

  /** A whole number that fits an int, also from its text; null for anything else. */
  private static final class WholeNumber extends JsonDeserializer<Integer> {
    @Override
    public Integer deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      JsonToken t = p.currentToken();
      if (t == JsonToken.VALUE_NUMBER_INT) {
        return p.getNumberType() == JsonParser.NumberType.INT ? p.getIntValue() : null;
      }
      if (t == JsonToken.VALUE_STRING) {
        try {
          return Integer.valueOf(p.getText().trim());
        } catch (NumberFormatException e) {
          return null;
        }
      }
      p.skipChildren();
      return null;
    }
  }

  /** An object as a read-only map in its order, null values kept; null for anything else. */
  @SuppressWarnings("rawtypes")
  private static final class ObjectMap extends JsonDeserializer<Map> {
    @Override
    public Map deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (p.currentToken() != JsonToken.START_OBJECT) {
        p.skipChildren();
        return null;
      }
      return JsonFields.readObject(p);
    }
  }

  /**
   * A field that was sent with a value other than {@code null} (the field is null otherwise): for
   * the fields a vendor tells its shapes apart by, whose values are skipped.
   */
  public enum Sent {
    /** The field was sent, with any value but null. */
    SENT
  }

  /** A field that was sent with an object (the field is null otherwise); the object is skipped. */
  public enum SentObject {
    /** The field was sent with an object. */
    OBJECT
  }

  private static final class SentReader extends JsonDeserializer<Sent> {
    @Override
    public Sent deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      p.skipChildren();
      return Sent.SENT;
    }
  }

  private static final class SentObjectReader extends JsonDeserializer<SentObject> {
    @Override
    public SentObject deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      boolean object = p.currentToken() == JsonToken.START_OBJECT;
      p.skipChildren();
      return object ? SentObject.OBJECT : null;
    }
  }
}
