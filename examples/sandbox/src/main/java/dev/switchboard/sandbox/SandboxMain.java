package dev.switchboard.sandbox;

import java.io.PrintStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the sandbox on its own until stopped (Ctrl-C):
 *
 * <pre>
 * java -jar examples/sandbox/target/switchboard-sandbox-0.1.0-SNAPSHOT-exec.jar \
 *     --futwork.callback-url='http://localhost:8080/webhooks/futwork?token=change-me'
 * </pre>
 *
 * <p>The callback URL is what a user pastes into the platform's dashboard: the receiver's path with
 * its secret as the {@code token} query parameter (printed here with the query masked). With {@code
 * futwork.webhook-secret} the secret is sent in a header as well.
 *
 * <p>Options ({@code --name=value}): {@code port} (8099), {@code host}, {@code seed}, {@code
 * futwork.api-key}, {@code futwork.callback-url}, {@code futwork.webhook-secret}, {@code
 * futwork.webhook-header}, {@code call-delay-min}, {@code call-delay-max} ({@code 1s}, {@code
 * 500ms}), {@code flowforge.callback-url}, {@code workflux.client-id}, {@code
 * workflux.client-secret}, {@code failures} ({@code none} or {@code bad-day}), {@code
 * failures.unavailable}, {@code failures.rate-limited}, {@code failures.slow}, {@code
 * failures.duplicates}, {@code failures.out-of-order} (shares from 0 to 1).
 */
public final class SandboxMain {

  private static final Set<String> OPTIONS =
      Set.of(
          "port",
          "host",
          "seed",
          "futwork.api-key",
          "futwork.callback-url",
          "futwork.webhook-secret",
          "futwork.webhook-header",
          "call-delay-min",
          "call-delay-max",
          "flowforge.callback-url",
          "workflux.client-id",
          "workflux.client-secret",
          "failures",
          "failures.unavailable",
          "failures.rate-limited",
          "failures.slow",
          "failures.duplicates",
          "failures.out-of-order");

  private SandboxMain() {}

  /**
   * Starts the sandbox and waits until the process is stopped.
   *
   * @param args {@code --name=value} options
   * @throws InterruptedException when interrupted while waiting
   */
  public static void main(String[] args) throws InterruptedException {
    Map<String, String> options;
    Sandbox.Builder builder;
    try {
      options = parse(args);
      builder = configure(options);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    Sandbox sandbox = builder.start();
    describe(sandbox, options, System.out);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  sandbox.close();
                  stopped.countDown();
                }));
    stopped.await();
  }

  static Map<String, String> parse(String[] args) {
    Map<String, String> options = new LinkedHashMap<>();
    for (String arg : args) {
      int eq = arg.indexOf('=');
      if (!arg.startsWith("--") || eq < 0) {
        throw new IllegalArgumentException("Options look like --name=value; got: " + arg);
      }
      String name = arg.substring(2, eq);
      if (!OPTIONS.contains(name)) {
        throw new IllegalArgumentException(
            "Unknown option --" + name + ". Known: " + String.join(", ", OPTIONS));
      }
      options.put(name, arg.substring(eq + 1));
    }
    return options;
  }

  static Sandbox.Builder configure(Map<String, String> options) {
    Sandbox.Builder builder =
        Sandbox.builder().port(Integer.parseInt(options.getOrDefault("port", "8099")));
    ifSet(options, "host", builder::host);
    ifSet(options, "seed", v -> builder.seed(Long.parseLong(v)));
    ifSet(options, "futwork.api-key", builder::futworkApiKey);
    ifSet(options, "futwork.callback-url", builder::futworkCallbackUrl);
    ifSet(options, "futwork.webhook-secret", builder::futworkWebhookSecret);
    ifSet(options, "futwork.webhook-header", builder::futworkWebhookHeader);
    Duration max = duration(options.getOrDefault("call-delay-max", "3s"));
    Duration min =
        options.containsKey("call-delay-min")
            ? duration(options.get("call-delay-min"))
            : (max.compareTo(Duration.ofSeconds(1)) < 0 ? max : Duration.ofSeconds(1));
    if (max.compareTo(min) < 0) {
      throw new IllegalArgumentException("--call-delay-min must not be above --call-delay-max");
    }
    builder.callDelay(min, max);
    ifSet(options, "flowforge.callback-url", builder::flowforgeCallbackUrl);
    if (options.containsKey("workflux.client-id")
        || options.containsKey("workflux.client-secret")) {
      builder.workfluxCredentials(
          options.getOrDefault("workflux.client-id", "sandbox-client"),
          options.getOrDefault("workflux.client-secret", "sandbox-secret"));
    }
    FailureInjection failures =
        switch (options.getOrDefault("failures", "none")) {
          case "none" -> FailureInjection.none();
          case "bad-day" -> FailureInjection.badDay();
          default -> throw new IllegalArgumentException("--failures is none or bad-day");
        };
    if (options.containsKey("failures.unavailable")) {
      failures = failures.withUnavailable(share(options, "failures.unavailable"));
    }
    if (options.containsKey("failures.rate-limited")) {
      failures = failures.withRateLimited(share(options, "failures.rate-limited"));
    }
    if (options.containsKey("failures.slow")) {
      failures = failures.withSlow(share(options, "failures.slow"), failures.slowDelay());
    }
    if (options.containsKey("failures.duplicates")) {
      failures = failures.withDuplicates(share(options, "failures.duplicates"));
    }
    if (options.containsKey("failures.out-of-order")) {
      failures = failures.withOutOfOrder(share(options, "failures.out-of-order"));
    }
    return builder.failures(failures);
  }

  static void describe(Sandbox sandbox, Map<String, String> options, PrintStream out) {
    out.println("Switchboard sandbox on " + sandbox.baseUrl());
    out.println("  futwork.workflows.base-url=" + sandbox.futworkWorkflowsBaseUrl());
    out.println("  futwork.campaigns.base-url=" + sandbox.futworkCampaignsBaseUrl());
    out.println(
        "  futwork.api-key="
            + (options.containsKey("futwork.api-key") ? "(as given)" : "sandbox-api-key"));
    out.println(
        "  post-call deliveries to "
            + masked(options.get("futwork.callback-url"), "--futwork.callback-url"));
    out.println(
        "  Flowforge deliveries to "
            + masked(options.get("flowforge.callback-url"), "--flowforge.callback-url"));
    out.println(
        "  WorkFlux base URL "
            + sandbox.workfluxBaseUrl()
            + (options.containsKey("workflux.client-secret")
                ? " (client as given)"
                : " (client sandbox-client / sandbox-secret)"));
    out.println("Stop with Ctrl-C.");
  }

  /** A callback URL as printed: its query, which may hold the receiver's token, masked. */
  static String masked(String url, String option) {
    if (url == null) {
      return "(none: set " + option + ")";
    }
    int query = url.indexOf('?');
    return query < 0 ? url : url.substring(0, query) + "?****";
  }

  static Duration duration(String text) {
    String value = text.trim().toLowerCase(Locale.ROOT);
    try {
      if (value.endsWith("ms")) {
        return Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)));
      }
      if (value.endsWith("s")) {
        return Duration.ofMillis(
            Math.round(Double.parseDouble(value.substring(0, value.length() - 1)) * 1000));
      }
      return Duration.ofMillis(Long.parseLong(value));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("Not a duration (such as 1s or 500ms): " + text, e);
    }
  }

  private static double share(Map<String, String> options, String name) {
    return Double.parseDouble(options.get(name));
  }

  private static void ifSet(
      Map<String, String> options, String name, java.util.function.Consumer<String> setter) {
    String value = options.get(name);
    if (value != null) {
      setter.accept(value);
    }
  }
}
