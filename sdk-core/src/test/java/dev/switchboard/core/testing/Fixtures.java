package dev.switchboard.core.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The platforms' documented sample payloads, read from {@code ../shared/payloads} beside the
 * checkout, so every test uses the very bytes the documents give.
 */
public final class Fixtures {

  private Fixtures() {}

  /**
   * Returns the folder of sample payloads.
   *
   * @return the folder
   */
  public static Path payloadDir() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null) {
      Path candidate = dir.resolve("shared").resolve("payloads");
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
      dir = dir.getParent();
    }
    throw new IllegalStateException(
        "No shared/payloads folder above " + Path.of("").toAbsolutePath());
  }

  /**
   * Reads a sample payload.
   *
   * @param name the file name, such as {@code futwork-campaign-post-call.json}
   * @return its bytes
   */
  public static byte[] payload(String name) {
    try {
      return Files.readAllBytes(payloadDir().resolve(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
