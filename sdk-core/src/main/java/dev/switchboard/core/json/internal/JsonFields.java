package dev.switchboard.core.json.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Tolerant reads of fields from a JSON tree, for parsers of payloads the platforms send oddly: a
 * value of the wrong kind becomes {@code null} rather than failing the delivery (the raw JSON still
 * holds it), numbers sent where text is documented keep their text, booleans and integers sent as
 * text are read.
 */
public final class JsonFields {

  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  private JsonFields() {}

  /**
   * A scalar's text.
   *
   * @param parent the object
   * @param field the field
   * @return the text ({@code 2.5} gives {@code "2.5"}); null for missing, null, objects and arrays
   */
  public static String text(JsonNode parent, String field) {
    JsonNode node = parent.get(field);
    if (node == null || node.isNull() || node.isContainerNode()) {
      return null;
    }
    return node.asText();
  }

  /**
   * A boolean, also from {@code "true"}/{@code "false"} or a number (non-zero is true).
   *
   * @param parent the object
   * @param field the field
   * @return the value; null when missing or not readable as a boolean
   */
  public static Boolean bool(JsonNode parent, String field) {
    JsonNode node = parent.get(field);
    if (node == null || node.isNull()) {
      return null;
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    if (node.isNumber()) {
      return node.asDouble() != 0;
    }
    if (node.isTextual()) {
      String s = node.textValue().trim().toLowerCase(Locale.ROOT);
      if (s.equals("true")) {
        return true;
      }
      if (s.equals("false")) {
        return false;
      }
    }
    return null;
  }

  /**
   * A whole number, also from its text ({@code "2"}).
   *
   * @param parent the object
   * @param field the field
   * @return the value; null when missing, fractional, too large or not a number
   */
  public static Integer integer(JsonNode parent, String field) {
    JsonNode node = parent.get(field);
    if (node == null || node.isNull()) {
      return null;
    }
    if (node.isIntegralNumber() && node.canConvertToInt()) {
      return node.intValue();
    }
    if (node.isTextual()) {
      try {
        return Integer.valueOf(node.textValue().trim());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  /**
   * An object as a read-only map, in its order, keeping null values.
   *
   * @param parent the object
   * @param field the field
   * @return the map; null for anything but an object
   */
  public static Map<String, Object> map(JsonNode parent, String field) {
    JsonNode node = parent.get(field);
    if (node == null || !node.isObject()) {
      return null;
    }
    return copy(Json.mapper().convertValue(node, MAP));
  }

  /**
   * Copies a map, keeping its order and its null values.
   *
   * @param map the map, may be null
   * @param <V> the values' type
   * @return an unmodifiable copy, or null for null
   */
  public static <V> Map<String, V> copy(Map<String, V> map) {
    if (map == null || map instanceof ReadOnlyMap) {
      return map; // read by the SDK itself, held by no one else, and read-only already
    }
    return new ReadOnlyMap<>(new LinkedHashMap<>(map));
  }

  /**
   * Makes a map a parser has just built read-only without copying it: for parsers that build a map
   * of their own and hand it straight to a record, whose {@link #copy} then keeps it as it is. The
   * caller must hold no other reference to the map and never change it again.
   *
   * @param built the map, which the caller gives up
   * @param <V> the values' type
   * @return a read-only view of it
   */
  public static <V> Map<String, V> readOnlyView(LinkedHashMap<String, V> built) {
    return new ReadOnlyMap<>(built);
  }

  /**
   * Reads the JSON object a streaming parser is on into a read-only map, in its order, keeping null
   * values; objects and arrays inside are read-only maps and lists too. Numbers are {@link
   * Integer}, {@link Long} or {@link java.math.BigInteger} when whole and {@link Double} otherwise,
   * as Jackson reads them into {@code Object}. {@link #copy} returns such a map as it is, so a
   * record built from it does not copy it again.
   *
   * @param parser the parser, on the object's {@code START_OBJECT}
   * @return the map
   * @throws IOException when the JSON is not valid
   * @throws IllegalStateException when the parser is not on the start of an object
   */
  public static Map<String, Object> readObject(JsonParser parser) throws IOException {
    if (parser.currentToken() != JsonToken.START_OBJECT) {
      throw new IllegalStateException("Expected the start of an object: " + parser.currentToken());
    }
    return objectAt(parser);
  }

  /**
   * Reads the JSON value a streaming parser is on, as {@link #readObject} reads the values of an
   * object: a map, a list, text, a number, a boolean or {@code null}.
   *
   * @param parser the parser, on the value's first token
   * @return the value
   * @throws IOException when the JSON is not valid
   */
  public static Object readValue(JsonParser parser) throws IOException {
    JsonToken token = parser.currentToken();
    if (token == null) {
      throw new IllegalStateException("The parser is on no value");
    }
    return switch (token) {
      case START_OBJECT -> objectAt(parser);
      case START_ARRAY -> arrayAt(parser);
      case VALUE_STRING -> parser.getText();
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> parser.getNumberValue();
      case VALUE_TRUE -> Boolean.TRUE;
      case VALUE_FALSE -> Boolean.FALSE;
      case VALUE_NULL -> null;
      case VALUE_EMBEDDED_OBJECT -> parser.getEmbeddedObject();
      default -> throw new IllegalStateException("Not the start of a value: " + token);
    };
  }

  private static Map<String, Object> objectAt(JsonParser parser) throws IOException {
    LinkedHashMap<String, Object> map = new LinkedHashMap<>();
    String name;
    while ((name = parser.nextFieldName()) != null) {
      parser.nextToken();
      map.put(name, readValue(parser)); // a repeated name keeps its last value, as Jackson does
    }
    return new ReadOnlyMap<>(map);
  }

  private static List<Object> arrayAt(JsonParser parser) throws IOException {
    List<Object> list = new ArrayList<>();
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      list.add(readValue(parser));
    }
    return Collections.unmodifiableList(list);
  }

  /**
   * A read-only view of a map that nothing else holds: what {@link #copy} and {@link #readObject}
   * make, and what {@code copy} recognises as needing no copy.
   */
  private static final class ReadOnlyMap<V> extends AbstractMap<String, V> {
    // Read directly, with the unmodifiable views made only when asked for: a parse builds one of
    // these per JSON object, and most are only ever looked up by name.
    private final LinkedHashMap<String, V> owned;

    ReadOnlyMap(LinkedHashMap<String, V> owned) {
      this.owned = owned;
    }

    @Override
    public Set<Entry<String, V>> entrySet() {
      return Collections.unmodifiableMap(owned).entrySet(); // entries whose setValue refuses
    }

    @Override
    public int size() {
      return owned.size();
    }

    @Override
    public boolean containsKey(Object key) {
      return owned.containsKey(key);
    }

    @Override
    public V get(Object key) {
      return owned.get(key);
    }

    @Override
    public Set<String> keySet() {
      return Collections.unmodifiableSet(owned.keySet());
    }

    @Override
    public java.util.Collection<V> values() {
      return Collections.unmodifiableCollection(owned.values());
    }
  }

  /**
   * Reads an optional text: {@code null}, empty and blank are absent.
   *
   * @param raw the raw value
   * @return the value, or empty
   */
  public static Optional<String> present(String raw) {
    return raw == null || raw.isBlank() ? Optional.empty() : Optional.of(raw);
  }
}
