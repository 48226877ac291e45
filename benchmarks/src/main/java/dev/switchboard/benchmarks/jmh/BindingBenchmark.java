package dev.switchboard.benchmarks.jmh;

import dev.switchboard.core.json.Json;
import dev.switchboard.futwork.webhook.CampaignPostCall;
import dev.switchboard.futwork.webhook.internal.FutworkPayloadParser;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Diagnostic for the parsing goal: the campaign post-call bound straight to {@link
 * CampaignPostCall} by Jackson databind (its {@code @JsonProperty} components), with no tree in
 * between. Compared in the report with {@code ParsingBenchmark.tree} on the same fixture.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class BindingBenchmark {

  byte[] campaign;

  /**
   * Loads the fixture and checks that binding gives the parser's record.
   *
   * @throws IOException when the fixture is missing
   */
  @Setup
  public void setUp() throws IOException {
    campaign = ParsingBenchmark.fixture("futwork-campaign-post-call.json");
    CampaignPostCall bound = campaignBound();
    CampaignPostCall parsed = FutworkPayloadParser.campaign(Json.mapper().readTree(campaign), null);
    if (!bound.equals(parsed)) {
      throw new IllegalStateException(
          "binding differs from the parser: " + bound + " vs " + parsed);
    }
  }

  /**
   * Bytes to the record in one pass.
   *
   * @return the record
   * @throws IOException never for the fixture
   */
  @Benchmark
  public CampaignPostCall campaignBound() throws IOException {
    return Json.mapper().readValue(campaign, CampaignPostCall.class);
  }
}
