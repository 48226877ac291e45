package dev.switchboard.futwork.webhook;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A call's transcript: its text, read as a {@link CharSequence} or whole with {@link #text()} (also
 * {@link #toString()}).
 *
 * <p>The transcript of a received post-call is decoded from the delivery's JSON when it is first
 * read, not when the delivery arrives: the receiver has already checked that it is a well-formed
 * JSON string, and a listener that never reads it does not pay for decoding it (a long call's
 * transcript is most of its delivery). A listener that reads it pays the decoding once, plus one
 * more scan of the transcript's bytes; later reads, from any thread, return the same string.
 *
 * <p>Two transcripts are equal when their texts are. Serialized with Jackson, a transcript is a
 * JSON string, and a JSON string reads back into one.
 */
public final class Transcript implements CharSequence {

  // Racy single check, as String.hashCode: any thread that finds text unset computes it (possibly
  // twice, with the same result); source is dropped once text is set, so a lazily decoded
  // transcript stops holding on to what it was decoded from.
  private volatile String text;
  private volatile Supplier<String> source;

  private Transcript(String text, Supplier<String> source) {
    this.text = text;
    this.source = source;
  }

  /**
   * A transcript of the given text.
   *
   * @param text the text
   * @return the transcript
   * @throws NullPointerException when the text is null
   */
  @JsonCreator
  public static Transcript of(String text) {
    return new Transcript(Objects.requireNonNull(text, "text"), null);
  }

  /**
   * A transcript whose text is computed when it is first read: how the receiver defers decoding a
   * delivery's transcript. The supplier must always give the same text, must not return null, and
   * should not fail; it may be called more than once when threads read the transcript for the first
   * time together, and is released once the text is known.
   *
   * @param text computes the text
   * @return the transcript
   */
  public static Transcript lazy(Supplier<String> text) {
    return new Transcript(null, Objects.requireNonNull(text, "text"));
  }

  /**
   * Returns the whole text, decoding it first if it was not read yet.
   *
   * @return the text
   */
  @JsonValue
  public String text() {
    String known = text;
    if (known != null) {
      return known;
    }
    Supplier<String> from = source;
    if (from == null) { // another thread set text, then dropped source
      return text;
    }
    String computed = Objects.requireNonNull(from.get(), "the transcript's text");
    text = computed;
    source = null;
    return computed;
  }

  @Override
  public int length() {
    return text().length();
  }

  @Override
  public char charAt(int index) {
    return text().charAt(index);
  }

  @Override
  public CharSequence subSequence(int start, int end) {
    return text().subSequence(start, end);
  }

  @Override
  public boolean equals(Object other) {
    return other == this || (other instanceof Transcript that && text().equals(that.text()));
  }

  @Override
  public int hashCode() {
    return text().hashCode();
  }

  /**
   * Returns the text, as {@link #text()} does.
   *
   * @return the text
   */
  @Override
  public String toString() {
    return text();
  }
}
