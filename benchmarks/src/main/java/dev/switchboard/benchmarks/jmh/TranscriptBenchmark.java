package dev.switchboard.benchmarks.jmh;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.benchmarks.ingest.IngestBench;
import dev.switchboard.futwork.webhook.CampaignPostCall;
import dev.switchboard.futwork.webhook.FutworkEvent;
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
 * Diagnostic: the campaign post-call with a 20 KB transcript (the ingest benchmark's variant) to
 * its record, with the transcript left unread (its text is decoded when first read) and then read,
 * against Jackson's tree on the same bytes: what deferring the transcript saves a listener that
 * does not read it, and what one that does still pays.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class TranscriptBenchmark {

  byte[] body;
  ObjectMapper plain;

  /**
   * Builds the body.
   *
   * @throws IOException when the fixture is missing
   */
  @Setup
  public void setUp() throws IOException {
    plain = new ObjectMapper();
    ObjectNode campaign =
        (ObjectNode) plain.readTree(ParsingBenchmark.fixture("futwork-campaign-post-call.json"));
    campaign.put("transcript", IngestBench.transcript(20 * 1024));
    body = plain.writeValueAsBytes(campaign);
  }

  /**
   * The record, its transcript not read.
   *
   * @return the record
   */
  @Benchmark
  public Object unread() {
    return FutworkEvent.parse(body);
  }

  /**
   * The record and its transcript's text.
   *
   * @return the text
   */
  @Benchmark
  public Object read() {
    return ((CampaignPostCall) FutworkEvent.parse(body)).transcript().text();
  }

  /**
   * The baseline: the same bytes to a Jackson tree.
   *
   * @return the tree
   * @throws IOException never
   */
  @Benchmark
  public JsonNode tree() throws IOException {
    return plain.readTree(body);
  }
}
