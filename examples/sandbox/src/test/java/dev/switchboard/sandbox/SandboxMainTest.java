package dev.switchboard.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SandboxMainTest {

  @Test
  void readsOptionsAndStartsWithThem() throws Exception {
    Map<String, String> options =
        SandboxMain.parse(
            new String[] {
              "--port=0", "--futwork.api-key=my-key", "--failures=bad-day", "--call-delay-max=500ms"
            });

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (Sandbox sandbox = SandboxMain.configure(options).start()) {
      SandboxMain.describe(sandbox, options, new PrintStream(out, true, StandardCharsets.UTF_8));
      Client.Answer wrongKey =
          new Client(sandbox)
              .post(
                  "/platform/api/campaigns/c/leads",
                  "{\"recipientPhoneNumber\":\"9999789877\",\"recipientData\":{}}",
                  Map.of("x-api-key", "sandbox-api-key"));
      assertThat(wrongKey.status()).isEqualTo(401);
    }

    String text = out.toString(StandardCharsets.UTF_8);
    assertThat(text).contains("futwork.workflows.base-url=http://127.0.0.1:");
    assertThat(text).contains("/omni/api").contains("/platform/api");
    assertThat(text).doesNotContain("my-key");
  }

  @Test
  void refusesUnknownOptionsAndBadDurations() {
    assertThatThrownBy(() -> SandboxMain.parse(new String[] {"--prot=1"}))
        .hasMessageContaining("Unknown option --prot");
    assertThatThrownBy(() -> SandboxMain.parse(new String[] {"port"}))
        .hasMessageContaining("--name=value");
    assertThat(SandboxMain.duration("1.5s")).isEqualTo(Duration.ofMillis(1500));
    assertThatThrownBy(() -> SandboxMain.duration("soon")).hasMessageContaining("1s or 500ms");
  }
}
