package dev.switchboard.flowforge.webhook.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import dev.switchboard.core.json.internal.JsonFields;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a captured form's {@code field_values} as strings: text as it is, numbers and booleans as
 * written, objects and lists as their JSON text, null kept; anything but an object gives no values.
 */
public final class FieldValuesReader extends JsonDeserializer<Map<String, String>> {

  @Override
  public Map<String, String> deserialize(JsonParser p, DeserializationContext ctxt)
      throws IOException {
    LinkedHashMap<String, String> out = new LinkedHashMap<>();
    if (p.currentToken() != JsonToken.START_OBJECT) {
      p.skipChildren();
      return Map.of();
    }
    String name;
    while ((name = p.nextFieldName()) != null) {
      JsonToken t = p.nextToken();
      if (t == JsonToken.VALUE_NULL) {
        out.put(name, null);
      } else if (t.isStructStart()) {
        out.put(name, ctxt.readTree(p).toString());
      } else {
        out.put(name, p.getText());
      }
    }
    return JsonFields.readOnlyView(out); // the record keeps it without copying it again
  }
}
