package dev.switchboard.sandbox.internal;

import java.util.Map;

/**
 * One call the sandbox "made", independent of the platform that reports it.
 *
 * @param callId the call's id
 * @param disposition what came of it, such as {@code interested} or {@code no_answer}
 * @param connected whether someone (or a voicemail) picked up
 * @param status the AI Platform's call status, such as {@code call-disconnected}
 * @param stage the workflow stage it ended in
 * @param seconds how long it lasted
 * @param recordingUrl the recording's URL, empty when nothing was recorded
 * @param transcript the transcript, empty when nobody spoke
 * @param data what was collected from the customer
 * @param intent the intent a Flowforge agent would capture, or {@code null}
 * @param hangupBy who hung up, or {@code null}
 * @param hangupReason why the call ended, or {@code null}
 * @param hangupProviderCode the provider's code for it, or {@code null}
 * @param retriedFirst whether a first attempt went unanswered (a workflow then reports an
 *     intermediate, non-terminal stage first)
 */
record SimulatedCall(
    String callId,
    String disposition,
    boolean connected,
    String status,
    String stage,
    double seconds,
    String recordingUrl,
    String transcript,
    Map<String, Object> data,
    String intent,
    String hangupBy,
    String hangupReason,
    String hangupProviderCode,
    boolean retriedFirst) {}
