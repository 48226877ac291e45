package dev.switchboard.workflux.autoconfigure;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when a property is set to a non-empty value, read through Boot's {@link Binder} as the
 * properties themselves are: a value still holding an unresolved {@code ${...}} placeholder counts
 * as set, so that binding {@link WorkFluxProperties} refuses it naming the property, instead of
 * {@code @ConditionalOnProperty} failing on the placeholder with a stack trace.
 */
abstract class WorkFluxPropertySet extends SpringBootCondition {

  private final String property;

  WorkFluxPropertySet(String property) {
    this.property = property;
  }

  @Override
  public ConditionOutcome getMatchOutcome(
      ConditionContext context, AnnotatedTypeMetadata metadata) {
    boolean set =
        Binder.get(context.getEnvironment())
            .bind(property, String.class)
            .map(value -> !value.isBlank())
            .orElse(false);
    return set
        ? ConditionOutcome.match(property + " is set")
        : ConditionOutcome.noMatch(property + " is not set");
  }

  /** {@code workflux.webhook.secret} is set. */
  static final class WebhookSecret extends WorkFluxPropertySet {
    WebhookSecret() {
      super("workflux.webhook.secret");
    }
  }

  /** {@code workflux.webhook.subscribe-on-startup.url} is set. */
  static final class SubscriptionUrl extends WorkFluxPropertySet {
    SubscriptionUrl() {
      super("workflux.webhook.subscribe-on-startup.url");
    }
  }
}
