package dev.switchboard.sandbox.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Starts a {@link dev.switchboard.sandbox.Sandbox} on a free port for a {@code @SpringBootTest} and
 * points the SDK's properties at it, before the application context is refreshed:
 *
 * <ul>
 *   <li>{@code futwork.api-key}, {@code futwork.workflows.base-url}, {@code
 *       futwork.campaigns.base-url};
 *   <li>{@code futwork.webhook.secret} and {@code flowforge.webhook.secret}, which the sandbox
 *       sends with its deliveries to this application's {@code futwork.webhook.path} and {@code
 *       flowforge.webhook.path} on {@code local.server.port} (use {@code webEnvironment =
 *       RANDOM_PORT});
 *   <li>{@code workflux.base-url}, {@code workflux.client-id}, {@code workflux.client-secret} and
 *       {@code workflux.webhook.secret} (subscribe with that secret to receive signed events).
 * </ul>
 *
 * <p>Each secret is random. Deliveries go only to the receivers whose module is on the class path.
 * The sandbox is a bean of the context: {@code @Autowired Sandbox sandbox} reads its {@code
 * deliveryAttempts()}; it stops when the context closes. Test classes with the same attributes
 * share one context, and so one sandbox, through Spring's test context cache.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface SwitchboardSandbox {

  /**
   * The seed of every random choice: the same seed and the same leads give the same calls.
   *
   * @return the seed
   */
  long seed() default 42;

  /**
   * The shortest time a call takes before its outcome is delivered, in milliseconds.
   *
   * @return at least 0
   */
  long minCallDelayMillis() default 50;

  /**
   * The longest time a call takes before its outcome is delivered, in milliseconds.
   *
   * @return at least {@link #minCallDelayMillis()}
   */
  long maxCallDelayMillis() default 300;

  /**
   * Whether the sandbox has a bad day ({@code FailureInjection.badDay()}): 503s and 429s with
   * {@code Retry-After}, slow answers, duplicate and out-of-order deliveries.
   *
   * @return {@code false} for a sandbox that always answers at once and delivers once, in order
   */
  boolean badDay() default false;
}
