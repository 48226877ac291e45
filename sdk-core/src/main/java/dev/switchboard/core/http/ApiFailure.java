package dev.switchboard.core.http;

/**
 * What is known about a failed call; carried by every {@link ApiException}. Holds no credential:
 * the body is cut to 2 KB and every known secret in it is masked.
 *
 * @param platform the platform called, such as {@code futwork-workflows}
 * @param method the HTTP method
 * @param path the path called, without its query
 * @param status the HTTP status, or {@code 0} when no answer was received
 * @param attempts the attempts made, the first included
 * @param responseBody the response body cut to 2 KB, empty when there was none
 * @param platformMessage the platform's own error message, when the body had one
 */
public record ApiFailure(
    String platform,
    String method,
    String path,
    int status,
    int attempts,
    String responseBody,
    String platformMessage) {}
