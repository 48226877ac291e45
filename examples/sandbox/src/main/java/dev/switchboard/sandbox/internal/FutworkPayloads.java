package dev.switchboard.sandbox.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.switchboard.core.json.Json;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;

/**
 * The one place post-call bodies are made: the sandbox's call turned into the platform's JSON, with
 * the SDK's own mapper.
 */
final class FutworkPayloads {

  static final String FROM_NUMBER = "+918035735856";

  private FutworkPayloads() {}

  /** A workflow lead as accepted. */
  record WorkflowLeadIn(
      String workflowId, String phone, Map<String, Object> recipientData, String referenceId) {}

  /** A campaign lead as accepted. */
  record CampaignLeadIn(
      String campaignId,
      String leadId,
      String agentId,
      String phone,
      Map<String, Object> recipientData) {}

  static byte[] workflowPostCall(WorkflowLeadIn lead, SimulatedCall call) {
    return write(
        new WorkflowPostCallBody(
            lead.phone(),
            lead.recipientData(),
            lead.referenceId(),
            lead.workflowId(),
            call.disposition(),
            call.recordingUrl(),
            minutes(call.seconds()),
            call.data(),
            true,
            call.stage()));
  }

  static byte[] workflowIntermediate(WorkflowLeadIn lead) {
    return write(
        new WorkflowPostCallBody(
            lead.phone(),
            lead.recipientData(),
            lead.referenceId(),
            lead.workflowId(),
            "no_answer",
            "",
            "0.0",
            Map.of(),
            false,
            "retry_scheduled"));
  }

  static byte[] campaignPostCall(CampaignLeadIn lead, SimulatedCall call, String providerCallId) {
    String e164 = "+91" + lead.phone();
    return write(
        new CampaignPostCallBody(
            call.callId(),
            lead.leadId(),
            lead.campaignId(),
            lead.agentId(),
            call.status(),
            new TelephonyBody(
                "outbound",
                String.format(Locale.ROOT, "%.1f", call.seconds()),
                e164,
                FROM_NUMBER,
                call.recordingUrl(),
                true,
                providerCallId,
                "exotel",
                call.hangupBy(),
                call.hangupReason(),
                call.hangupProviderCode()),
            new ContextBody(
                e164, lead.recipientData(), lead.leadId(), lead.agentId(), lead.campaignId()),
            call.transcript(),
            call.connected() ? call.disposition() : "",
            call.connected() ? call.data() : null));
  }

  private static String minutes(double seconds) {
    return String.format(Locale.ROOT, "%.1f", seconds / 60.0);
  }

  private static byte[] write(Object body) {
    try {
      return Json.mapper().writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  record WorkflowPostCallBody(
      @JsonProperty("recipientPhone") String recipientPhone,
      @JsonProperty("recipientData") Map<String, Object> recipientData,
      @JsonProperty("referenceId") String referenceId,
      @JsonProperty("workflowId") String workflowId,
      @JsonProperty("disposition") String disposition,
      @JsonProperty("recordingUrl") String recordingUrl,
      @JsonProperty("conversationMinutes") String conversationMinutes,
      @JsonProperty("collectedData") Map<String, Object> collectedData,
      @JsonProperty("isTerminal") Boolean isTerminal,
      @JsonProperty("stage") String stage) {}

  record CampaignPostCallBody(
      @JsonProperty("callSid") String callSid,
      @JsonProperty("leadId") String leadId,
      @JsonProperty("campaignId") String campaignId,
      @JsonProperty("agentId") String agentId,
      @JsonProperty("status") String status,
      @JsonProperty("telephonyData") TelephonyBody telephonyData,
      @JsonProperty("contextDetails") ContextBody contextDetails,
      @JsonProperty("transcript") String transcript,
      @JsonProperty("disposition") String disposition,
      @JsonProperty("extractedData") Map<String, Object> extractedData) {}

  record TelephonyBody(
      @JsonProperty("direction") String direction,
      @JsonProperty("duration") String duration,
      @JsonProperty("toNumber") String toNumber,
      @JsonProperty("fromNumber") String fromNumber,
      @JsonProperty("recordingUrl") String recordingUrl,
      @JsonProperty("hostedTelephony") Boolean hostedTelephony,
      @JsonProperty("providerCallId") String providerCallId,
      @JsonProperty("provider") String provider,
      @JsonProperty("hangupBy") String hangupBy,
      @JsonProperty("hangupReason") String hangupReason,
      @JsonProperty("hangupProviderCode") String hangupProviderCode) {}

  record ContextBody(
      @JsonProperty("recipientPhoneNumber") String recipientPhoneNumber,
      @JsonProperty("recipientData") Map<String, Object> recipientData,
      @JsonProperty("leadId") String leadId,
      @JsonProperty("agentId") String agentId,
      @JsonProperty("campaignId") String campaignId) {}
}
