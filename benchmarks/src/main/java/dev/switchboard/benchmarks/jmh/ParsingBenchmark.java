package dev.switchboard.benchmarks.jmh;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.core.webhook.WebhookParser;
import dev.switchboard.core.webhook.WebhookRequest;
import dev.switchboard.flowforge.webhook.FlowforgeEvent;
import dev.switchboard.flowforge.webhook.internal.FlowforgePayloadParser;
import dev.switchboard.futwork.webhook.FutworkEvent;
import dev.switchboard.futwork.webhook.internal.FutworkPayloadParser;
import dev.switchboard.workflux.webhook.WorkFluxEvents;
import dev.switchboard.workflux.webhook.WorkFluxWebhookParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Parsing: each payload family from its bytes to its typed record with the SDK's public parse
 * methods, against Jackson's tree model ({@code readTree}) on the same bytes with a plain {@link
 * ObjectMapper}; and, reported beside them, the receiver's whole parse step, which also builds the
 * delivery metadata and the idempotency key.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ParsingBenchmark {

  /** A WorkFlux delivery as the WorkFlux client's tests write it (the document shows none). */
  static final String WORKFLUX_COMPLETED =
      "{\"id\":\"evt_1\",\"type\":\"conversation.completed\",\"created_at\":\"2024-01-01T12:00:00Z\","
          + "\"data\":{\"conversation_id\":\"cv_1\",\"agent_id\":\"ag_1\",\"outcome\":\"resolved\"}}";

  /** The payload family. */
  @Param({
    "futwork-campaign-post-call",
    "futwork-workflow-post-call",
    "flowforge-captured-form-created",
    "flowforge-captured-intent-created",
    "flowforge-conversation-closed",
    "workflux-conversation-completed"
  })
  public String family;

  byte[] body;
  ObjectMapper plain;
  Callable<Object> typed;
  Callable<Object> receiver;

  /**
   * Loads the payload and picks its parsers.
   *
   * @throws Exception when a fixture is missing or does not parse
   */
  @Setup
  public void setUp() throws Exception {
    plain = new ObjectMapper();
    String source = family.substring(0, family.indexOf('-'));
    body =
        source.equals("workflux")
            ? WORKFLUX_COMPLETED.getBytes(StandardCharsets.UTF_8)
            : fixture(family + ".json");
    // As the receiver sees it: the headers a platform sends (WorkFlux signs an id, which is the
    // idempotency key; Futwork and Flowforge send none, so the key is the platform's id in the
    // body, or the SHA-256 of the body where there is none).
    Map<String, List<String>> headers =
        source.equals("workflux")
            ? Map.of("Content-Type", List.of("application/json"), "webhook-id", List.of("msg_1"))
            : Map.of("Content-Type", List.of("application/json"));
    WebhookRequest request =
        new WebhookRequest(source, body, headers, Map.of(), "127.0.0.1", Instant.now(), Set.of());
    WebhookParser<?> parser =
        switch (source) {
          case "futwork" -> new FutworkPayloadParser();
          case "flowforge" -> new FlowforgePayloadParser(ZoneOffset.UTC);
          default -> new WorkFluxWebhookParser();
        };
    typed =
        switch (source) {
          case "futwork" -> () -> FutworkEvent.parse(body);
          case "flowforge" -> () -> FlowforgeEvent.parse(body, ZoneOffset.UTC);
          default -> () -> WorkFluxEvents.parse(body);
        };
    receiver = () -> parser.parse(request).event();
    for (Callable<Object> c : List.of(typed, receiver)) {
      String type = c.call().getClass().getSimpleName();
      if (type.startsWith("Unknown") || type.startsWith("Unrecognized")) {
        throw new IllegalStateException(family + " was not recognised: " + type);
      }
    }
  }

  static byte[] fixture(String name) throws IOException {
    try (InputStream in = ParsingBenchmark.class.getResourceAsStream("/payloads/" + name)) {
      if (in == null) {
        throw new IOException("no fixture payloads/" + name);
      }
      return in.readAllBytes();
    }
  }

  /**
   * The SDK: the bytes to the family's typed record, as {@code FutworkEvent.parse}, {@code
   * FlowforgeEvent.parse} and {@code WorkFluxEvents.parse} read a body.
   *
   * @return the record
   * @throws Exception never for the fixtures
   */
  @Benchmark
  public Object typed() throws Exception {
    return typed.call();
  }

  /**
   * The receiver's whole parse step: the record with its delivery metadata (the headers without
   * credentials, copied) and its idempotency key (a SHA-256 of the body where the payload has no
   * id, as a Futwork workflow post-call has none).
   *
   * @return the record
   * @throws Exception never for the fixtures
   */
  @Benchmark
  public Object receiver() throws Exception {
    return receiver.call();
  }

  /**
   * The baseline: the same bytes to a Jackson tree.
   *
   * @return the tree
   * @throws IOException never for the fixtures
   */
  @Benchmark
  public JsonNode tree() throws IOException {
    return plain.readTree(body);
  }
}
