package dev.switchboard.benchmarks.jmh;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.core.json.Json;
import dev.switchboard.futwork.webhook.CampaignPostCall;
import dev.switchboard.futwork.webhook.WorkflowPostCall;
import dev.switchboard.futwork.webhook.internal.FutworkPayloadParser;
import dev.switchboard.workflux.webhook.WorkFluxEvent;
import dev.switchboard.workflux.webhook.WorkFluxEvents;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Parsing: each payload family from its bytes to its typed record, against Jackson's tree model
 * ({@code readTree}) on the same bytes with a plain {@link ObjectMapper}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ParsingBenchmark {

  /** A WorkFlux delivery as the WorkFlux client's tests write it (the document shows none). */
  static final String WORKFLUX_COMPLETED =
      "{\"id\":\"evt_1\",\"type\":\"conversation.completed\",\"created_at\":\"2024-01-01T12:00:00Z\","
          + "\"data\":{\"conversation_id\":\"cv_1\",\"agent_id\":\"ag_1\",\"outcome\":\"resolved\"}}";

  byte[] campaign;
  byte[] workflow;
  byte[] workflux;
  ObjectMapper plain;

  /**
   * Loads the documented sample payloads.
   *
   * @throws IOException when a fixture is missing
   */
  @Setup
  public void setUp() throws IOException {
    campaign = fixture("futwork-campaign-post-call.json");
    workflow = fixture("futwork-workflow-post-call.json");
    workflux = WORKFLUX_COMPLETED.getBytes(StandardCharsets.UTF_8);
    plain = new ObjectMapper();
    CampaignPostCall bound = campaignBound();
    if (!bound.equals(campaignTyped())) {
      throw new IllegalStateException(
          "direct binding differs from the parser: " + bound + " vs " + campaignTyped());
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
   * Futwork campaign post-call bytes to {@link CampaignPostCall}, as the starter's parser does.
   *
   * @return the record
   * @throws IOException never for the fixture
   */
  @Benchmark
  public CampaignPostCall campaignTyped() throws IOException {
    return FutworkPayloadParser.campaign(Json.mapper().readTree(campaign), null);
  }

  /**
   * Diagnostic: the same bytes bound straight to {@link CampaignPostCall} by Jackson databind (its
   * {@code @JsonProperty} components), with no tree in between: what the recommended fix costs.
   *
   * @return the record
   * @throws IOException never for the fixture
   */
  @Benchmark
  public CampaignPostCall campaignBound() throws IOException {
    return Json.mapper().readValue(campaign, CampaignPostCall.class);
  }

  /**
   * The baseline: the same bytes to a Jackson tree.
   *
   * @return the tree
   * @throws IOException never for the fixture
   */
  @Benchmark
  public JsonNode campaignTree() throws IOException {
    return plain.readTree(campaign);
  }

  /**
   * Futwork workflow post-call bytes to {@link WorkflowPostCall}, as the starter's parser does.
   *
   * @return the record
   * @throws IOException never for the fixture
   */
  @Benchmark
  public WorkflowPostCall workflowTyped() throws IOException {
    return FutworkPayloadParser.workflow(Json.mapper().readTree(workflow), null);
  }

  /**
   * The baseline: the same bytes to a Jackson tree.
   *
   * @return the tree
   * @throws IOException never for the fixture
   */
  @Benchmark
  public JsonNode workflowTree() throws IOException {
    return plain.readTree(workflow);
  }

  /**
   * WorkFlux delivery bytes to its {@link WorkFluxEvent} record.
   *
   * @return the event
   */
  @Benchmark
  public WorkFluxEvent workfluxTyped() {
    return WorkFluxEvents.parse(workflux);
  }

  /**
   * The baseline: the same bytes to a Jackson tree.
   *
   * @return the tree
   * @throws IOException never for the sample
   */
  @Benchmark
  public JsonNode workfluxTree() throws IOException {
    return plain.readTree(workflux);
  }
}
