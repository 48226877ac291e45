package dev.switchboard.core.http.internal;

import dev.switchboard.core.http.ApiException;
import dev.switchboard.core.http.ApiRequest;
import dev.switchboard.core.http.ApiResponse;
import dev.switchboard.core.http.Authenticator;
import dev.switchboard.core.http.HttpSettings;
import dev.switchboard.core.http.RetrySettings;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.retry.backoff.BackOffInterruptedException;
import org.springframework.retry.backoff.Sleeper;
import org.springframework.retry.policy.SimpleRetryPolicy;
import org.springframework.retry.support.RetryTemplate;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * Runs calls for one platform: builds the request, sends it over RestClient, classifies the
 * outcome, retries what is safe through spring-retry, and translates failures.
 */
public final class CallExecutor {

  static final String LABEL = "switchboard.label";

  /** The request attribute RestClient's observations read the URI template from. */
  static final String URI_TEMPLATE_ATTRIBUTE = RestClient.class.getName() + ".uriTemplate";

  private static final Logger log = LoggerFactory.getLogger("dev.switchboard.core.http.ApiClient");

  private final String platform;
  private final URI baseUrl;
  private final Authenticator authenticator;
  private final RestClient rest;
  private final Map<String, URI> uris = new ConcurrentHashMap<>();
  private final RetryTemplate retryTemplate;
  private final RetrySettings retry;
  private final Failures failures;
  private final Clock clock;
  private final String userAgent;
  private final Set<String> deprecationWarned = ConcurrentHashMap.newKeySet();

  /**
   * Creates an executor.
   *
   * @param platform the platform's label in messages and logs
   * @param baseUrl the checked base URL
   * @param settings time-outs and retries
   * @param authenticator puts credentials on each request
   * @param builder gives the RestClient builder to start from (copied, never changed); {@code
   *     ApiClient} creates its executor on the first call, so an application starts without
   *     building a RestClient
   * @param sleeper waits between attempts
   * @param random jitter source in [0, 1)
   * @param clock the time source for Retry-After dates
   * @param userAgent the User-Agent header
   * @param credentialsHint what to check when credentials are refused, such as a property name
   */
  public CallExecutor(
      String platform,
      URI baseUrl,
      HttpSettings settings,
      Authenticator authenticator,
      Supplier<RestClient.Builder> builder,
      Sleeper sleeper,
      DoubleSupplier random,
      Clock clock,
      String userAgent,
      String credentialsHint) {
    this.platform = platform;
    this.baseUrl = baseUrl;
    this.authenticator = authenticator;
    this.retry = settings.retry();
    this.clock = clock;
    this.userAgent = userAgent;
    this.failures = new Failures(platform, authenticator.secrets(), credentialsHint);
    this.rest = restClient(baseUrl, settings, builder.get());
    this.retryTemplate = new RetryTemplate();
    this.retryTemplate.setRetryPolicy(
        new SimpleRetryPolicy(retry.maxAttempts(), Map.of(RetryableFailure.class, true), false));
    this.retryTemplate.setBackOffPolicy(new JitteredBackOff(retry, sleeper, random));
    this.retryTemplate.setThrowLastExceptionOnExhausted(true);
  }

  /**
   * Makes a call, retrying what is safe.
   *
   * @param request the call
   * @return the answer, when its status is 2xx and it looks like the platform's answer
   * @throws dev.switchboard.core.http.ApiException when the call failed
   */
  public ApiResponse execute(ApiRequest request) {
    Attempts attempts = new Attempts();
    try {
      return retryTemplate.execute(
          context -> {
            try {
              return attempt(request, attempts);
            } catch (RetryableFailure failure) {
              attempts.last = failure;
              if (context.getRetryCount() == 0) { // named for the back-off's log line
                context.setAttribute(LABEL, new Label(platform, request));
              }
              throw failure;
            }
          });
    } catch (RetryableFailure exhausted) {
      throw failure(request, exhausted);
    } catch (BackOffInterruptedException interrupted) {
      // The caller's thread was interrupted while waiting to retry (its flag is set again): the
      // call ends with what the last attempt gave, which the platform did not act on or which is
      // safe to repeat.
      throw failure(request, attempts.last);
    }
  }

  private ApiException failure(ApiRequest request, RetryableFailure last) {
    if (last.response() != null) {
      return failures.fromResponse(request, last.response(), last.retryAfter(), false);
    }
    return failures.fromIo(request, last.ioFailure(), last.sent(), last.attempts());
  }

  private ApiResponse attempt(ApiRequest request, Attempts attempts) {
    ApiResponse response;
    try {
      response = send(request, attempts.next());
      if (response.status() == 401 && authenticator.renewAfterUnauthorized()) {
        log.info(
            "{}: {} {} was answered 401; credentials renewed, sending once more",
            platform,
            request.method(),
            request.pathOnly());
        response = send(request, attempts.next());
      }
    } catch (ResourceAccessException e) {
      IOException io =
          e.getCause() instanceof IOException cause ? cause : new IOException(e.getMessage(), e);
      if (io instanceof InterruptedIOException && Thread.currentThread().isInterrupted()) {
        // never retried: the caller asked to stop
        throw failures.interrupted(request, io, attempts.sent);
      }
      boolean sent = !notSent(io);
      if (sent && resentByTheJdk(request, io)) {
        attempts.next(); // the JDK's client sent it twice before failing: both were on the wire
      }
      boolean retryable = !sent || request.safeToRepeat() || retry.retryUnknownOutcome();
      if (retryable && attempts.sent < retry.maxAttempts()) {
        throw RetryableFailure.of(io, sent, attempts.sent);
      }
      throw failures.fromIo(request, io, sent, attempts.sent);
    }
    warnIfDeprecated(request, response);
    int status = response.status();
    if (status >= 200 && status < 300) {
      String problem = request.answer().problem(response);
      if (problem == null) {
        return response;
      }
      throw failures.unexpected(request, response, problem);
    }
    if (status < 400) {
      throw failures.unexpected(request, response, "a redirect, which the SDK does not follow");
    }
    Duration retryAfter = status == 429 || status == 503 ? retryAfter(response) : null;
    if (retryAfter != null && retryAfter.compareTo(retry.maxRetryAfter()) > 0) {
      // the platform asks for a longer wait than we are allowed to make
      throw failures.fromResponse(request, response, retryAfter, true);
    }
    boolean retryable =
        notActedOn(status)
            || (status >= 500
                && !permanent(status)
                && (request.safeToRepeat() || retry.retryUnknownOutcome()));
    if (retryable && attempts.sent < retry.maxAttempts()) {
      throw RetryableFailure.of(response, retryAfter);
    }
    throw failures.fromResponse(request, response, retryAfter, false);
  }

  /** Answers that prove the platform did not act on the request: retried for every call. */
  static boolean notActedOn(int status) {
    return status == 429 || status == 503;
  }

  /** Server errors that sending again cannot cure, and that prove nothing was done. */
  static boolean permanent(int status) {
    return status == 501 || status == 505;
  }

  /** Whether the JDK's client retries by itself every method, not only GET and HEAD. */
  private static final boolean JDK_RESENDS_ANY_METHOD =
      System.getProperty("jdk.httpclient.enableAllMethodRetry") != null
          && !"false".equalsIgnoreCase(System.getProperty("jdk.httpclient.enableAllMethodRetry"));

  /**
   * Whether the JDK's HTTP client sent this request a second time on its own before failing. It
   * does so, once and silently, for a GET or HEAD (any method when {@code
   * jdk.httpclient.enableAllMethodRetry} is set) whose connection closed or was reset before any
   * byte of the answer arrived, and there is no switch to turn that off; so it is counted, and
   * {@code attempts()} stays equal to the requests that went on the wire.
   */
  private static boolean resentByTheJdk(ApiRequest request, IOException failure) {
    String method = request.method().name();
    if (!JDK_RESENDS_ANY_METHOD && !method.equals("GET") && !method.equals("HEAD")) {
      return false;
    }
    for (Throwable t = failure; t != null; t = t.getCause()) {
      String message = t.getMessage();
      if (t.getClass().getSimpleName().equals("ConnectionExpiredException")
          || (message != null && message.contains("received no bytes"))) {
        return true;
      }
    }
    return false;
  }

  /** The requests one call has sent, a renewal after a 401 and the JDK's own resends included. */
  private static final class Attempts {
    private int sent;
    private RetryableFailure last;

    int next() {
      return ++sent;
    }
  }

  /** The RestClient over the blocking JDK transport, starting from the application's builder. */
  private static RestClient restClient(
      URI baseUrl, HttpSettings settings, RestClient.Builder start) {
    HttpClient.Builder http =
        HttpClient.newBuilder()
            .connectTimeout(settings.connectTimeout())
            // The JDK client hands the work its selector thread starts (reading an answer,
            // completing the caller's wait) to this executor; its default, a thread pool, costs a
            // hand-over between threads on every answer. None of that work blocks (the transport
            // sends with the blocking send and reads answers whole as bytes), so it runs where it
            // starts: measured in docs/performance.md, and no worker thread is ever started.
            .executor(Runnable::run);
    if ("http".equalsIgnoreCase(baseUrl.getScheme())) {
      http.version(HttpClient.Version.HTTP_1_1); // no h2c upgrade on plain loopback HTTP
    }
    return (start != null ? start.clone() : RestClient.builder())
        .requestFactory(new BlockingJdkRequestFactory(http.build(), settings.readTimeout()))
        .build();
  }

  /** The full URI of a path; bulk submissions call the same few paths again and again. */
  private URI uri(String path) {
    URI cached = uris.get(path);
    if (cached != null) {
      return cached;
    }
    URI uri = URI.create(baseUrl.toString() + path);
    if (uris.size() < 1024) {
      uris.put(path, uri);
    }
    return uri;
  }

  private ApiResponse send(ApiRequest request, int attempt) {
    RestClient.RequestBodySpec spec =
        rest.method(request.method())
            .uri(uri(request.path()))
            .headers(
                headers -> {
                  headers.set(HttpHeaders.USER_AGENT, userAgent);
                  headers.set(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON_VALUE);
                  if (request.body() != null) {
                    headers.set(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE);
                  }
                  authenticator.authenticate(headers);
                });
    if (request.template() != null) {
      // The observation's low-cardinality "uri" tag. RestClient sets this attribute itself from
      // uri(template, variables), but parses the template to do so on every call, the largest
      // avoidable cost in the lead benchmark; the path is already encoded by ApiPath.
      spec.attribute(URI_TEMPLATE_ATTRIBUTE, request.template());
    }
    byte[] body = request.body();
    if (body != null) {
      // Already JSON bytes: written as they are, without asking each message converter.
      spec.body(out -> out.write(body));
    }
    return spec.exchange(
        (req, res) -> {
          // HttpHeaders is a Map on Spring 6 only: its entries are handed over, already in the
          // case-insensitive order ApiResponse keeps them in, so its copy needs no comparisons.
          SortedMap<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
          res.getHeaders().forEach(headers::put);
          return new ApiResponse(
              res.getStatusCode().value(), headers, res.getBody().readAllBytes(), attempt);
        });
  }

  /** What a retry's log line names: the platform and the call, formatted only when logged. */
  private record Label(String platform, ApiRequest request) {
    @Override
    public String toString() {
      return platform + ": " + request.method() + " " + request.pathOnly();
    }
  }

  /** Failures before any byte of the request left: always safe to retry. */
  private static boolean notSent(IOException failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof ConnectException
          || t instanceof HttpConnectTimeoutException
          || t instanceof UnknownHostException
          || t instanceof NoRouteToHostException) {
        return true;
      }
    }
    return false;
  }

  private Duration retryAfter(ApiResponse response) {
    String value = response.header(HttpHeaders.RETRY_AFTER).map(String::trim).orElse(null);
    if (value == null || value.isEmpty()) {
      return null;
    }
    try {
      long seconds = Long.parseLong(value);
      return Duration.ofSeconds(Math.max(0, seconds));
    } catch (NumberFormatException notSeconds) {
      try {
        Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        Duration wait = Duration.between(clock.instant(), at);
        return wait.isNegative() ? Duration.ZERO : wait;
      } catch (DateTimeParseException notADate) {
        log.debug("{}: ignoring unreadable Retry-After value", platform);
        return null;
      }
    }
  }

  private void warnIfDeprecated(ApiRequest request, ApiResponse response) {
    var deprecation = response.header("Deprecation");
    var sunset = response.header("Sunset");
    if (deprecation.isEmpty() && sunset.isEmpty()) {
      return;
    }
    String endpoint = request.method() + " " + request.pathOnly();
    if (deprecationWarned.add(endpoint)) {
      log.warn(
          "{}: {} is deprecated by the platform (Deprecation: {}, Sunset: {}); move to the newer API"
              + " version before the sunset date",
          platform,
          endpoint,
          deprecation.orElse("not given"),
          sunset.orElse("not given"));
    }
  }
}
