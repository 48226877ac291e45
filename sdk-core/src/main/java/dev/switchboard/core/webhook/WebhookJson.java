package dev.switchboard.core.webhook;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.switchboard.core.json.Json;
import dev.switchboard.core.json.JsonFields;
import java.io.IOException;
import java.util.Map;

/**
 * Streaming reads of a delivery's body, for parsers that go straight from bytes to records without
 * building a JSON tree first (a tree costs a node per value, most of which a record never reads).
 * The reads are as tolerant as {@link JsonFields}' on a tree: a value of the wrong kind becomes
 * {@code null} and is skipped, numbers sent where text is documented keep their text, booleans and
 * integers sent as text are read.
 *
 * <p>A body that is not valid JSON, or has anything after its value, is refused with a {@link
 * WebhookPayloadException} giving the position, never the content.
 */
public final class WebhookJson {

  private WebhookJson() {}

  /** Reads a document from an open parser. */
  @FunctionalInterface
  public interface Reader<T> {

    /**
     * Reads the document whose first token is current.
     *
     * @param parser the parser, on the document's first token
     * @return what was read
     * @throws IOException when the body is not valid JSON
     */
    T read(JsonParser parser) throws IOException;
  }

  /**
   * Reads a whole body with a streaming reader and checks nothing follows the document.
   *
   * @param body the raw bytes
   * @param reader reads the document, starting on its first token
   * @param <T> what is read
   * @return what the reader returned
   * @throws WebhookPayloadException when the body is empty, not valid JSON or has trailing content
   */
  public static <T> T read(byte[] body, Reader<T> reader) {
    try (JsonParser parser = Json.mapper().getFactory().createParser(body)) {
      if (parser.nextToken() == null) {
        throw new WebhookPayloadException("The body is empty; a JSON document was expected.");
      }
      T result = reader.read(parser);
      if (parser.nextToken() != null) {
        throw invalid(parser.currentLocation(), "it has content after its JSON value");
      }
      return result;
    } catch (JsonProcessingException e) {
      throw invalid(e.getLocation(), null);
    } catch (IOException e) {
      throw new WebhookPayloadException("The body could not be read as JSON.");
    }
  }

  private static WebhookPayloadException invalid(JsonLocation at, String why) {
    String where =
        at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
    return new WebhookPayloadException(
        "The body is not valid JSON" + (why == null ? "" : ": " + why) + where + ".");
  }

  /**
   * The current value as text: a string as it is, a number or boolean as written; {@code null} for
   * null, and for an object or array, which is skipped.
   *
   * @param p the parser, on the value's token
   * @return the text, or null
   * @throws IOException when the body is not valid JSON
   */
  public static String text(JsonParser p) throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_NULL) {
      return null;
    }
    if (t.isStructStart()) {
      p.skipChildren();
      return null;
    }
    return p.getText();
  }

  /**
   * The current value as a boolean: {@code true}/{@code false}, as text in any case, or a number
   * (non-zero is true); {@code null} otherwise (containers are skipped).
   *
   * @param p the parser, on the value's token
   * @return the boolean, or null
   * @throws IOException when the body is not valid JSON
   */
  public static Boolean bool(JsonParser p) throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_TRUE) {
      return Boolean.TRUE;
    }
    if (t == JsonToken.VALUE_FALSE) {
      return Boolean.FALSE;
    }
    if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
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

  /**
   * The current value as a whole number, also from its text; {@code null} when fractional, too
   * large or not a number (containers are skipped).
   *
   * @param p the parser, on the value's token
   * @return the number, or null
   * @throws IOException when the body is not valid JSON
   */
  public static Integer integer(JsonParser p) throws IOException {
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

  /**
   * The current value as a read-only map, in its order, keeping null values; {@code null} for
   * anything but an object (containers are skipped).
   *
   * @param p the parser, on the value's token
   * @return the map, or null
   * @throws IOException when the body is not valid JSON
   */
  public static Map<String, Object> map(JsonParser p) throws IOException {
    if (p.currentToken() != JsonToken.START_OBJECT) {
      p.skipChildren();
      return null;
    }
    return JsonFields.readObject(p);
  }
}
