package dev.switchboard.futwork.lead.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.switchboard.core.PhoneNumbers;
import dev.switchboard.core.Secret;
import dev.switchboard.core.SwitchboardException;
import dev.switchboard.core.http.AnswerCheck;
import dev.switchboard.core.http.ApiClient;
import dev.switchboard.core.http.ApiPath;
import dev.switchboard.core.http.ApiRequest;
import dev.switchboard.core.http.ApiResponse;
import dev.switchboard.core.http.Authenticator;
import dev.switchboard.core.http.BaseUrl;
import dev.switchboard.core.http.BuiltOnFirstCall;
import dev.switchboard.core.http.HttpSettings;
import dev.switchboard.core.json.internal.Json;
import dev.switchboard.futwork.lead.BulkProgress;
import dev.switchboard.futwork.lead.BulkResult;
import dev.switchboard.futwork.lead.CampaignLead;
import dev.switchboard.futwork.lead.FutworkPlatform;
import dev.switchboard.futwork.lead.LeadClient;
import dev.switchboard.futwork.lead.LeadOutcome;
import dev.switchboard.futwork.lead.LeadReceipt;
import dev.switchboard.futwork.lead.LeadSubmission;
import dev.switchboard.futwork.lead.LeadValidationException;
import dev.switchboard.futwork.lead.WorkflowLead;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpMethod;
import org.springframework.retry.backoff.Sleeper;
import org.springframework.web.client.RestClient;

/**
 * The {@link LeadClient}: validates leads, then sends them through sdk-core's {@link ApiClient}.
 */
public final class DefaultLeadClient implements LeadClient {

  /**
   * What the client is built from.
   *
   * @param workflowsKey the key for Futwork Workflows, or null when none
   * @param campaignsKey the key for the Futwork AI Platform, or null when none
   * @param workflowsBaseUrl the workflows base URL
   * @param campaignsBaseUrl the campaigns base URL
   * @param http time-outs and retries
   * @param bulkConcurrency leads sent at once in bulk
   * @param restClientBuilder gives the builder to start from, asked on the first call; null for
   *     {@link RestClient#builder()}
   * @param sleeper the wait between attempts, or null for real waiting
   */
  public record Settings(
      Secret workflowsKey,
      Secret campaignsKey,
      String workflowsBaseUrl,
      String campaignsBaseUrl,
      HttpSettings http,
      int bulkConcurrency,
      Supplier<RestClient.Builder> restClientBuilder,
      Sleeper sleeper) {}

  private static final Logger log = LoggerFactory.getLogger(LeadClient.class);

  /** How long a stopped bulk submission waits for the leads in flight to end. */
  private static final Duration STOP_GRACE = Duration.ofSeconds(5);

  private static final String WORKFLOW_LEADS = "/workflows/{workflowId}/leads";
  private static final String CAMPAIGN_LEADS = "/campaigns/{campaignId}/leads";

  /** Where a lead's id may be in the answer, in order of preference. */
  private static final List<String> ID_FIELDS = List.of("leadId", "id", "_id");

  private final Lane workflows;
  private final Lane campaigns;
  private final int bulkConcurrency;
  private final AtomicInteger bulkThreads = new AtomicInteger();

  /**
   * Creates the client. The base URLs are checked here, so that a wrong one fails the application's
   * startup; what a call goes through is built on the platform's first call.
   *
   * @param settings what it is built from
   */
  public DefaultLeadClient(Settings settings) {
    Objects.requireNonNull(settings.http(), "http");
    this.bulkConcurrency = settings.bulkConcurrency();
    this.workflows =
        new Lane(
            FutworkPlatform.WORKFLOWS,
            settings.workflowsBaseUrl(),
            settings.workflowsKey(),
            settings);
    this.campaigns =
        new Lane(
            FutworkPlatform.CAMPAIGNS,
            settings.campaignsBaseUrl(),
            settings.campaignsKey(),
            settings);
  }

  /**
   * One platform: its base URL, checked at startup, its key, and the {@link ApiClient} its calls go
   * through, built on the platform's first call, so that an application that never calls it, and
   * every application's startup, need not load sdk-core's HTTP classes.
   */
  private static final class Lane extends BuiltOnFirstCall<ApiClient> {
    private final FutworkPlatform platform;
    private final URI baseUrl;
    private final Secret key;
    private final Settings settings;

    Lane(FutworkPlatform platform, String baseUrl, Secret key, Settings settings) {
      this.platform = platform;
      this.baseUrl = BaseUrl.require(baseUrl, platform.propertyPrefix() + ".base-url");
      this.key = key;
      this.settings = settings;
    }

    ApiClient client() {
      if (key == null) {
        throw new SwitchboardException(
            "No API key for "
                + platform.label()
                + ": set "
                + platform.propertyPrefix()
                + ".api-key or futwork.api-key.");
      }
      return get();
    }

    @Override
    protected ApiClient build() {
      ApiClient.Builder builder =
          ApiClient.builder()
              .platform(platform.label())
              .module("futwork-client")
              .baseUrl(baseUrl)
              .settings(settings.http())
              .authenticator(Authenticator.apiKey("x-api-key", key))
              .credentialsHint(platform.propertyPrefix() + ".api-key or futwork.api-key");
      if (settings.restClientBuilder() != null) {
        builder.restClientBuilder(settings.restClientBuilder());
      }
      if (settings.sleeper() != null) {
        builder.sleeper(settings.sleeper());
      }
      return builder.build();
    }

    @Override
    public String toString() {
      return platform.label() + " " + baseUrl;
    }
  }

  @Override
  public LeadReceipt submitToWorkflow(String workflowId, WorkflowLead lead) {
    String path = path(WORKFLOW_LEADS, "workflowId", workflowId);
    if (lead == null) {
      throw new LeadValidationException("lead", "lead must not be null");
    }
    String phone = phone(lead.recipientPhoneNumber());
    Map<String, Object> data = data(lead.recipientData());
    if (lead.referenceId() == null || lead.referenceId().isBlank()) {
      throw new LeadValidationException(
          "referenceId",
          "referenceId must not be blank: Futwork Workflows requires your own identifier for the"
              + " lead (an order or AWB number), echoed in the post-call webhook");
    }
    byte[] body = leadJson(phone, data, lead.referenceId());
    return submit(FutworkPlatform.WORKFLOWS, WORKFLOW_LEADS, path, body);
  }

  @Override
  public LeadReceipt submitToCampaign(String campaignId, CampaignLead lead) {
    String path = path(CAMPAIGN_LEADS, "campaignId", campaignId);
    if (lead == null) {
      throw new LeadValidationException("lead", "lead must not be null");
    }
    String phone = phone(lead.recipientPhoneNumber());
    byte[] body = leadJson(phone, data(lead.recipientData()), null);
    return submit(FutworkPlatform.CAMPAIGNS, CAMPAIGN_LEADS, path, body);
  }

  @Override
  public ApiResponse request(
      FutworkPlatform platform, HttpMethod method, String path, Object body) {
    return send(platform, ApiRequest.json(method, path, body));
  }

  @Override
  public BulkResult submitAll(
      List<? extends LeadSubmission> submissions, BulkProgress progress, Duration timeLimit) {
    Objects.requireNonNull(progress, "progress");
    int total = submissions.size();
    if (total == 0) {
      return new BulkResult(List.of());
    }
    long deadline = timeLimit == null ? 0 : System.nanoTime() + timeLimit.toNanos();
    Batch batch = new Batch(total, progress);
    ExecutorService pool =
        Executors.newFixedThreadPool(
            Math.min(bulkConcurrency, total),
            task -> {
              Thread t = new Thread(task, "switchboard-bulk-" + bulkThreads.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    BulkResult.Completion completion = BulkResult.Completion.FINISHED;
    try {
      List<Future<?>> futures = new ArrayList<>(total);
      for (int i = 0; i < total; i++) {
        int index = i;
        LeadSubmission submission = submissions.get(i);
        futures.add(pool.submit(() -> batch.run(index, submission)));
      }
      for (int i = 0; i < total && completion == BulkResult.Completion.FINISHED; i++) {
        try {
          if (timeLimit == null) {
            futures.get(i).get();
          } else {
            futures.get(i).get(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
          }
        } catch (ExecutionException e) {
          // only an Error gets here: each lead's own failures are its outcome
          batch.unexpected(i, submissions.get(i), e.getCause());
        } catch (InterruptedException e) {
          completion = BulkResult.Completion.INTERRUPTED;
        } catch (TimeoutException e) {
          completion = BulkResult.Completion.TIME_LIMIT;
        }
      }
    } finally {
      batch.stop(pool);
    }
    if (completion != BulkResult.Completion.FINISHED) {
      log.warn(
          "Bulk submission stopped ({}) after {} of {} leads; the result says which were not"
              + " attempted",
          completion == BulkResult.Completion.TIME_LIMIT
              ? "time limit of " + timeLimit.toMillis() + " ms"
              : "interrupted",
          batch.completed,
          total);
    }
    if (completion == BulkResult.Completion.INTERRUPTED) {
      Thread.currentThread().interrupt();
    }
    return new BulkResult(batch.outcomes(submissions), completion);
  }

  /**
   * One bulk submission's state: each lead's outcome as it completes, which leads have started, and
   * the progress callback, called one lead at a time.
   */
  private final class Batch {
    private final int total;
    private final BulkProgress progress;
    private final AtomicReferenceArray<LeadOutcome> outcomes;
    private final AtomicIntegerArray started;
    private volatile boolean stopped;
    private int completed; // guarded by this
    private int callbackFailures; // guarded by this

    Batch(int total, BulkProgress progress) {
      this.total = total;
      this.progress = progress;
      this.outcomes = new AtomicReferenceArray<>(total);
      this.started = new AtomicIntegerArray(total);
    }

    void run(int index, LeadSubmission submission) {
      if (stopped) {
        return; // the batch stopped before this lead was sent: not attempted
      }
      started.set(index, 1);
      LeadOutcome outcome = submitOne(index, submission);
      outcomes.set(index, outcome);
      synchronized (this) {
        if (stopped) {
          return;
        }
        completed++;
        try {
          progress.onOutcome(completed, total, outcome);
        } catch (RuntimeException e) {
          callbackFailures++;
          if (callbackFailures == 1) {
            log.warn(
                "The bulk progress callback threw at lead {} of {}; the batch goes on and every"
                    + " outcome is in its result",
                completed,
                total,
                e);
          } else {
            log.debug("The bulk progress callback threw again at lead {}", completed, e);
          }
        }
      }
    }

    void unexpected(int index, LeadSubmission submission, Throwable cause) {
      outcomes.set(
          index,
          new LeadOutcome(
              index,
              submission,
              LeadOutcome.Status.OUTCOME_UNKNOWN,
              null,
              new SwitchboardException(
                  "Lead "
                      + index
                      + " failed unexpectedly: "
                      + cause
                      + "; check before resubmitting",
                  cause)));
    }

    /**
     * Stops the batch: no lead starts any more, the callback is no longer called, leads in flight
     * are interrupted and given up to {@link #STOP_GRACE} to end.
     */
    void stop(ExecutorService pool) {
      synchronized (this) {
        stopped = true;
      }
      pool.shutdownNow();
      boolean interrupted = Thread.interrupted(); // so that the wait below can happen
      try {
        if (!pool.awaitTermination(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
          log.warn(
              "Leads still in flight {} s after the bulk submission stopped are reported with"
                  + " their outcome unknown",
              STOP_GRACE.toSeconds());
        }
      } catch (InterruptedException e) {
        interrupted = true;
      } finally {
        if (interrupted) {
          Thread.currentThread().interrupt();
        }
      }
      synchronized (this) {
        if (callbackFailures > 1) {
          log.warn("The bulk progress callback threw {} times in all", callbackFailures);
        }
      }
    }

    List<LeadOutcome> outcomes(List<? extends LeadSubmission> submissions) {
      List<LeadOutcome> all = new ArrayList<>(total);
      for (int i = 0; i < total; i++) {
        LeadOutcome outcome = outcomes.get(i);
        if (outcome == null) {
          outcome =
              started.get(i) == 0
                  ? LeadOutcome.notAttempted(i, submissions.get(i))
                  : new LeadOutcome(
                      i,
                      submissions.get(i),
                      LeadOutcome.Status.OUTCOME_UNKNOWN,
                      null,
                      new SwitchboardException(
                          "Lead "
                              + i
                              + " was in flight when the bulk submission stopped: it may have"
                              + " been accepted, so check (by its reference) before resubmitting"));
        }
        all.add(outcome);
      }
      return all;
    }
  }

  private LeadOutcome submitOne(int index, LeadSubmission submission) {
    try {
      LeadReceipt receipt;
      if (submission instanceof LeadSubmission.ToWorkflow w) {
        receipt = submitToWorkflow(w.workflowId(), w.lead());
      } else if (submission instanceof LeadSubmission.ToCampaign c) {
        receipt = submitToCampaign(c.campaignId(), c.lead());
      } else {
        throw new LeadValidationException("submission", "submission must not be null");
      }
      return new LeadOutcome(index, submission, receipt, null);
    } catch (SwitchboardException e) {
      return new LeadOutcome(index, submission, null, e);
    } catch (RuntimeException e) {
      return new LeadOutcome(
          index,
          submission,
          null,
          new SwitchboardException("Lead " + index + " failed unexpectedly: " + e, e));
    }
  }

  private ApiResponse send(FutworkPlatform platform, ApiRequest request) {
    return lane(platform).client().execute(request);
  }

  private Lane lane(FutworkPlatform platform) {
    return platform == FutworkPlatform.WORKFLOWS ? workflows : campaigns;
  }

  /**
   * Sends a lead. Its answer must be a JSON object (the documents read it with {@code
   * response.json()}): anything else fails with the outcome unknown, never as an accepted lead.
   */
  private LeadReceipt submit(FutworkPlatform platform, String template, String path, byte[] body) {
    Lane lane = lane(platform);
    ApiResponse response =
        lane.client()
            .execute(
                new ApiRequest(
                    HttpMethod.POST, path, body, false, AnswerCheck.JSON_OBJECT, template));
    // an echoed key never reaches the receipt, its raw body or its toString()
    String raw = lane.key.redact(response.bodyAsString());
    return new LeadReceipt(response.status(), leadId(response.body()), raw, response.attempts());
  }

  private static String path(String template, String name, String id) {
    try {
      return ApiPath.of(template, id);
    } catch (IllegalArgumentException e) {
      throw new LeadValidationException(name, e.getMessage());
    }
  }

  private static String phone(String raw) {
    if (raw == null || raw.isBlank()) {
      throw new LeadValidationException(
          "recipientPhoneNumber", "recipientPhoneNumber must not be blank");
    }
    return PhoneNumbers.toTenDigits(raw)
        .orElseThrow(
            () ->
                new LeadValidationException(
                    "recipientPhoneNumber",
                    "recipientPhoneNumber must be a 10-digit Indian number (spaces, dashes,"
                        + " brackets and a leading +91, 91 or 0 are accepted); the value given has "
                        + raw.replaceAll("\\D", "").length()
                        + " digits"));
  }

  private static Map<String, Object> data(Map<String, Object> data) {
    if (data == null) {
      throw new LeadValidationException(
          "recipientData", "recipientData must not be null; pass an empty map when there is none");
    }
    return data;
  }

  /**
   * The lead's JSON body, written field by field (the lead's own fields in the documented order,
   * then its data through the SDK's mapper) rather than through a map built for the purpose: every
   * lead of a bulk submission passes through here.
   */
  private static byte[] leadJson(String phone, Map<String, Object> data, String referenceId) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    try (JsonGenerator json = Json.mapper().createGenerator(out)) {
      json.writeStartObject();
      json.writeStringField("recipientPhoneNumber", phone);
      json.writeFieldName("recipientData");
      DataWriter.INSTANCE.writeValue(json, data);
      if (referenceId != null) {
        json.writeStringField("referenceId", referenceId);
      }
      json.writeEndObject();
    } catch (IOException e) {
      throw new LeadValidationException(
          "recipientData",
          "recipientData cannot be written as JSON; give it text, numbers, booleans, lists and"
              + " maps ("
              + e.getClass().getSimpleName()
              + ")");
    }
    return out.toByteArray();
  }

  /** Writes lead data into an open generator; created on the first lead, not at startup. */
  private static final class DataWriter {
    static final ObjectWriter INSTANCE =
        Json.mapper().writer().without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);
  }

  /**
   * The lead's id in the answer: {@code leadId}, {@code id} or {@code _id} (in that order of
   * preference) at the top level, else in a {@code data} object; read as a stream, since the answer
   * to every lead passes through here.
   */
  private static Optional<String> leadId(byte[] body) {
    if (body.length == 0) {
      return Optional.empty();
    }
    try (JsonParser parser = Json.mapper().getFactory().createParser(body)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return Optional.empty();
      }
      String[] top = new String[ID_FIELDS.size()];
      String[] data = new String[ID_FIELDS.size()];
      readIds(parser, top, data);
      return first(top).or(() -> first(data));
    } catch (IOException notJson) {
      return Optional.empty();
    }
  }

  /** Reads one object's id fields into {@code ids}, and its {@code data} object's into nested. */
  private static void readIds(JsonParser parser, String[] ids, String[] nested) throws IOException {
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      JsonToken value = parser.nextToken();
      int slot = ID_FIELDS.indexOf(name);
      if (slot >= 0 && (value == JsonToken.VALUE_STRING || value.isNumeric())) {
        String text = parser.getText();
        if (!text.isBlank()) {
          ids[slot] = text;
        }
      } else if (nested != null && "data".equals(name) && value == JsonToken.START_OBJECT) {
        readIds(parser, nested, null);
      } else {
        parser.skipChildren();
      }
    }
  }

  private static Optional<String> first(String[] ids) {
    for (String id : ids) {
      if (id != null) {
        return Optional.of(id);
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    List<Lane> configured = new ArrayList<>();
    for (Lane lane : List.of(workflows, campaigns)) {
      if (lane.key != null) {
        configured.add(lane);
      }
    }
    return "LeadClient" + configured;
  }
}
