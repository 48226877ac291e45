/**
 * Outbound HTTP shared by every client: {@link dev.switchboard.core.http.ApiClient} runs each call
 * over Spring's RestClient with timeouts, retries and masking, and throws the {@link
 * dev.switchboard.core.http.ApiException} family.
 */
package dev.switchboard.core.http;
