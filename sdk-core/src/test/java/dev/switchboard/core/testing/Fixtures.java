package dev.switchboard.core.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The platforms' documented sample payloads, as test fixtures. They are copied into this module's
 * test resources ({@code payloads/}) so the build needs nothing outside the project; {@link
 * FixturesTest} checks the copies against the reference folder {@code shared/payloads} whenever a
 * checkout has it beside it.
 */
public final class Fixtures {

  /** The file names of every documented sample payload. */
  public static final List<String> NAMES =
      List.of(
          "flowforge-captured-form-created.json",
          "flowforge-captured-intent-created.json",
          "flowforge-conversation-closed.json",
          "futwork-campaign-post-call.json",
          "futwork-workflow-post-call.json",
          "workflux-webhook-subscription-response.json");

  private Fixtures() {}

  /**
   * Reads a sample payload.
   *
   * @param name the file name, such as {@code futwork-campaign-post-call.json}
   * @return its bytes
   */
  public static byte[] payload(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/payloads/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("No fixture payloads/" + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The reference folder of sample payloads, {@code shared/payloads} beside or above the checkout.
   *
   * @return the folder, when this checkout has one nearby
   */
  public static Optional<Path> referenceDir() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null) {
      Path candidate = dir.resolve("shared").resolve("payloads");
      if (Files.isDirectory(candidate)) {
        return Optional.of(candidate);
      }
      dir = dir.getParent();
    }
    return Optional.empty();
  }
}
