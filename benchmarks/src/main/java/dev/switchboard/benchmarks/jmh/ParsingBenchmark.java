package dev.switchboard.benchmarks.jmh;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.flowforge.webhook.FlowforgeEvent;
import dev.switchboard.futwork.webhook.FutworkEvent;
import dev.switchboard.workflux.webhook.WorkFluxEvents;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
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
 * methods, against Jackson's tree model ({@code readTree}) on the same bytes.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ParsingBenchmark {

  /** A WorkFlux delivery as the WorkFlux client's tests write it (the document shows none). */
  static final String WORKFLUX_COMPLETED =
      "{\"id\":\"evt_1\",\"type\":\"conversation.completed\",\"created_at\":\"2024-01-01T12:00:00Z\","
          + "\"data\":{\"conversation_id\":\"cv_1\",\"agent_id\":\"ag_1\",\"outcome\":\"resolved\"}}";

  /** The payload family: a fixture's name, or the WorkFlux delivery above. */
  @Param({
    "futwork-campaign-post-call",
    "futwork-workflow-post-call",
    "flowforge-captured-form-created",
    "flowforge-conversation-closed",
    "workflux-conversation-completed"
  })
  public String family;

  byte[] body;
  ObjectMapper plain;
  Callable<Object> typed;

  /**
   * Loads the payload and picks its parser.
   *
   * @throws Exception when a fixture is missing or is not recognised
   */
  @Setup
  public void setUp() throws Exception {
    plain = new ObjectMapper();
    body =
        family.startsWith("workflux")
            ? WORKFLUX_COMPLETED.getBytes(StandardCharsets.UTF_8)
            : fixture(family + ".json");
    typed =
        family.startsWith("futwork")
            ? () -> FutworkEvent.parse(body)
            : family.startsWith("flowforge")
                ? () -> FlowforgeEvent.parse(body, ZoneOffset.UTC)
                : () -> WorkFluxEvents.parse(body);
    String type = typed.call().getClass().getSimpleName();
    if (type.startsWith("Unknown") || type.startsWith("Unrecognized")) {
      throw new IllegalStateException(family + " was not recognised: " + type);
    }
  }

  private static byte[] fixture(String name) throws IOException {
    try (InputStream in = ParsingBenchmark.class.getResourceAsStream("/payloads/" + name)) {
      if (in == null) {
        throw new IOException("no fixture payloads/" + name);
      }
      return in.readAllBytes();
    }
  }

  /**
   * The SDK: the bytes to the family's typed record.
   *
   * @return the record
   * @throws Exception never for the fixtures
   */
  @Benchmark
  public Object typed() throws Exception {
    return typed.call();
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
