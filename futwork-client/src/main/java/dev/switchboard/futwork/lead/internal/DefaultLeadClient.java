package dev.switchboard.futwork.lead.internal;

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
import dev.switchboard.core.http.HttpSettings;
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
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpMethod;
import org.springframework.retry.backoff.Sleeper;
import org.springframework.util.function.SingletonSupplier;
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
   * @param bulkTimeLimit how long a bulk submission that names no limit may take, or null for none
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
      Duration bulkTimeLimit,
      Supplier<RestClient.Builder> restClientBuilder,
      Sleeper sleeper) {}

  private static final Logger log = LoggerFactory.getLogger(LeadClient.class);

  /** How long a stopped bulk submission waits for the leads in flight to end. */
  private static final Duration STOP_GRACE = Duration.ofSeconds(5);

  private static final String WORKFLOW_LEADS = "/workflows/{workflowId}/leads";
  private static final String CAMPAIGN_LEADS = "/campaigns/{campaignId}/leads";

  private final Lane workflows;
  private final Lane campaigns;
  private final int bulkConcurrency;
  private final Duration bulkTimeLimit;
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
    this.bulkTimeLimit = settings.bulkTimeLimit();
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
   * through, built on the platform's first call (once, however many first calls come at once).
   */
  private static final class Lane {
    private final FutworkPlatform platform;
    private final URI baseUrl;
    private final Secret key;
    private final SingletonSupplier<ApiClient> client;

    Lane(FutworkPlatform platform, String baseUrl, Secret key, Settings settings) {
      this.platform = platform;
      this.baseUrl = BaseUrl.require(baseUrl, platform.propertyPrefix() + ".base-url");
      this.key = key;
      this.client = SingletonSupplier.of(() -> build(settings));
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
      return client.obtain();
    }

    private ApiClient build(Settings settings) {
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
    requireLead(lead);
    byte[] body = body(lead.recipientPhoneNumber(), lead.recipientData(), lead.referenceId(), true);
    return submit(FutworkPlatform.WORKFLOWS, WORKFLOW_LEADS, path, body);
  }

  @Override
  public LeadReceipt submitToCampaign(String campaignId, CampaignLead lead) {
    String path = path(CAMPAIGN_LEADS, "campaignId", campaignId);
    requireLead(lead);
    byte[] body = body(lead.recipientPhoneNumber(), lead.recipientData(), null, false);
    return submit(FutworkPlatform.CAMPAIGNS, CAMPAIGN_LEADS, path, body);
  }

  @Override
  public ApiResponse request(
      FutworkPlatform platform, HttpMethod method, String path, Object body) {
    return send(platform, ApiRequest.json(method, path, body));
  }

  @Override
  public BulkResult submitAll(List<? extends LeadSubmission> submissions, BulkProgress progress) {
    return submitAll(submissions, progress, bulkTimeLimit);
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
    return switch (platform) {
      case WORKFLOWS -> workflows;
      case CAMPAIGNS -> campaigns;
    };
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
    return new LeadReceipt(
        response.status(), LeadJson.leadId(response.body()), raw, response.attempts());
  }

  private static String path(String template, String name, String id) {
    try {
      return ApiPath.of(template, id);
    } catch (IllegalArgumentException e) {
      throw new LeadValidationException(name, e.getMessage());
    }
  }

  private static void requireLead(Object lead) {
    if (lead == null) {
      throw new LeadValidationException("lead", "lead must not be null");
    }
  }

  /** Checks a lead's fields, in the order the lead declares them, and writes its body. */
  private static byte[] body(
      String phone, Map<String, Object> data, String referenceId, boolean referenceRequired) {
    String tenDigits = phone(phone);
    data(data);
    if (referenceRequired && (referenceId == null || referenceId.isBlank())) {
      throw new LeadValidationException("referenceId", LeadChecks.REFERENCE_BLANK);
    }
    return LeadJson.body(tenDigits, data, referenceId);
  }

  private static String phone(String raw) {
    if (raw == null || raw.isBlank()) {
      throw new LeadValidationException("recipientPhoneNumber", LeadChecks.PHONE_BLANK);
    }
    String problem = LeadChecks.phoneProblem(raw);
    if (problem != null) {
      throw new LeadValidationException("recipientPhoneNumber", problem);
    }
    return PhoneNumbers.toTenDigits(raw).orElseThrow();
  }

  private static void data(Map<String, Object> data) {
    if (data == null) {
      throw new LeadValidationException("recipientData", LeadChecks.DATA_NULL);
    }
  }

  @Override
  public String toString() {
    return "LeadClient" + Stream.of(workflows, campaigns).filter(lane -> lane.key != null).toList();
  }
}
