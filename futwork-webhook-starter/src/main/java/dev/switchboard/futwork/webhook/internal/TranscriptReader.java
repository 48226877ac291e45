package dev.switchboard.futwork.webhook.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.switchboard.core.webhook.internal.WebhookJson;
import dev.switchboard.futwork.webhook.Transcript;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Reads {@code transcript}. A JSON string read from a body the receiver holds (handed over with
 * {@link #from}) is decoded when first read: it is left for the parser to skip here, which checks
 * that it is well formed (escapes and UTF-8) without building its text, for a long call most of the
 * delivery's parsing. Without the body, and for any other kind of value, it is read now as the
 * other text fields are (an object or array becomes null).
 */
public final class TranscriptReader extends JsonDeserializer<Transcript> {

  private static final Object BODY = TranscriptReader.class;
  private static final ObjectReader STRING = WebhookJson.reader(String.class);

  /**
   * A reader that decodes transcripts from the given body when first read.
   *
   * @param body the body being read, which must not change while its records live
   * @param reader the record's reader
   * @return the reader, with the body attached
   */
  static ObjectReader from(byte[] body, ObjectReader reader) {
    return reader.withAttribute(BODY, body);
  }

  @Override
  public Transcript deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
    if (p.currentToken() == JsonToken.VALUE_STRING
        && ctxt.getAttribute(BODY) instanceof byte[] body) {
      long at = p.currentTokenLocation().getByteOffset();
      if (at >= 0 && at < body.length && body[(int) at] == '"') {
        int quote = (int) at;
        return Transcript.lazy(() -> decodeString(body, quote));
      }
    }
    if (p.currentToken().isStructStart()) {
      p.skipChildren();
      return null;
    }
    return Transcript.of(p.getText());
  }

  /** Decodes the JSON string whose opening quote is at {@code quote}; it was checked on arrival. */
  private static String decodeString(byte[] body, int quote) {
    try (JsonParser p = STRING.createParser(body, quote, body.length - quote)) {
      if (p.nextToken() != JsonToken.VALUE_STRING) {
        throw new IllegalStateException("No JSON string at offset " + quote);
      }
      return p.getText();
    } catch (IOException e) {
      throw new UncheckedIOException("The transcript checked on arrival could not be decoded", e);
    }
  }
}
