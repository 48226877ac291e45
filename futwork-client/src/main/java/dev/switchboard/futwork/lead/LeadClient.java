package dev.switchboard.futwork.lead;

import dev.switchboard.core.http.ApiException;
import dev.switchboard.core.http.ApiResponse;
import java.time.Duration;
import java.util.List;
import org.springframework.http.HttpMethod;

/**
 * Pushes leads to Futwork: to a workflow (Futwork Workflows) or a campaign (the Futwork AI
 * Platform), one at a time or in bulk. Every call is checked before anything is sent, carries the
 * API key in {@code x-api-key}, and is retried only when that cannot call anyone twice: a
 * submission whose outcome is unknown fails with {@link ApiException#outcomeUnknown()} true.
 *
 * <p>Inject it in Spring Boot (set {@code futwork.api-key}), or build one with {@link #builder()}.
 * Thread-safe.
 */
public interface LeadClient {

  /**
   * Starts a builder for use without Spring Boot.
   *
   * @return a builder
   */
  static LeadClientBuilder builder() {
    return new LeadClientBuilder();
  }

  /**
   * Submits a lead to a workflow: {@code POST {workflows base}/workflows/{workflowId}/leads}.
   *
   * @param workflowId the workflow's id
   * @param lead the lead
   * @return the receipt
   * @throws LeadValidationException when a field is missing or malformed; nothing was sent
   * @throws ApiException when the platform refused the lead or could not be reached
   */
  LeadReceipt submitToWorkflow(String workflowId, WorkflowLead lead);

  /**
   * Submits a lead to a campaign: {@code POST {campaigns base}/campaigns/{campaignId}/leads}.
   *
   * @param campaignId the campaign's id
   * @param lead the lead
   * @return the receipt
   * @throws LeadValidationException when a field is missing or malformed; nothing was sent
   * @throws ApiException when the platform refused the lead or could not be reached
   */
  LeadReceipt submitToCampaign(String campaignId, CampaignLead lead);

  /**
   * Submits many leads with bounded concurrency ({@code futwork.bulk.concurrency}, default 8) and
   * the configured time limit ({@code futwork.bulk.time-limit}, none by default). A failing lead
   * never stops the others.
   *
   * @param submissions the leads
   * @return one outcome per lead, in input order
   */
  default BulkResult submitAll(List<? extends LeadSubmission> submissions) {
    return submitAll(submissions, (completed, total, outcome) -> {});
  }

  /**
   * Submits many leads with bounded concurrency and the configured time limit ({@code
   * futwork.bulk.time-limit}, none by default), telling {@code progress} of each as it completes.
   * With a limit, the batch ends as {@link #submitAll(List, BulkProgress, Duration)} describes.
   * (This default sends with no limit; the SDK's client applies the configured one.)
   *
   * @param submissions the leads
   * @param progress told of each completed lead; calls never overlap, and one that throws is logged
   *     while the batch goes on
   * @return one outcome per lead, in input order
   */
  default BulkResult submitAll(List<? extends LeadSubmission> submissions, BulkProgress progress) {
    return submitAll(submissions, progress, null);
  }

  /**
   * Submits many leads with bounded concurrency and a time limit. Whatever stops the batch early
   * (the limit, or the calling thread's interrupt), the result still holds one outcome per lead:
   * leads not yet sent are {@link LeadOutcome.Status#NOT_ATTEMPTED} ({@link
   * BulkResult#toResubmit()} gives them back), and leads in flight are interrupted and reported
   * {@link LeadOutcome.Status#OUTCOME_UNKNOWN}.
   *
   * @param submissions the leads
   * @param progress told of each completed lead; calls never overlap, and one that throws is logged
   *     while the batch goes on
   * @param timeLimit how long the batch may take, or {@code null} for no limit (whatever {@code
   *     futwork.bulk.time-limit} says)
   * @return one outcome per lead, in input order, and how the batch ended
   */
  BulkResult submitAll(
      List<? extends LeadSubmission> submissions, BulkProgress progress, Duration timeLimit);

  /**
   * Calls any route of a Futwork platform with the same API key, retries, errors and masking: for
   * the protected routes the documents name without detailing.
   *
   * @param platform which platform's base URL and key to use
   * @param method the HTTP method
   * @param path the path relative to the platform's base URL, starting with {@code /}; may carry a
   *     query
   * @param body the JSON body (an object, a JSON string or bytes), or {@code null}
   * @return the answer, as raw JSON
   * @throws ApiException when the call failed
   */
  ApiResponse request(FutworkPlatform platform, HttpMethod method, String path, Object body);

  /**
   * Calls any route of a Futwork platform and reads the answer into a type of your own.
   *
   * @param platform which platform's base URL and key to use
   * @param method the HTTP method
   * @param path the path relative to the platform's base URL, starting with {@code /}
   * @param body the JSON body, or {@code null}
   * @param type the type to read the answer into (unknown fields are ignored)
   * @param <T> the type
   * @return the answer, or {@code null} when it had no body
   * @throws ApiException when the call failed
   */
  default <T> T request(
      FutworkPlatform platform, HttpMethod method, String path, Object body, Class<T> type) {
    return request(platform, method, path, body).bodyAs(type);
  }
}
