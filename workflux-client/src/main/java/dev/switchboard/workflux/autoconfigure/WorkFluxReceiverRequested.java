package dev.switchboard.workflux.autoconfigure;

import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The condition of {@link WorkFluxWebhookAutoConfiguration}: matches when {@code
 * workflux.webhook.enabled} is true, or is unset and a secret, previous secrets or a path is set,
 * or unauthenticated deliveries are allowed. A class of its own rather than a member of the
 * auto-configuration, which Spring would read at startup as a candidate configuration.
 */
final class WorkFluxReceiverRequested extends SpringBootCondition {

  private static final String PREFIX = "workflux.webhook.";

  @Override
  public ConditionOutcome getMatchOutcome(
      ConditionContext context, AnnotatedTypeMetadata metadata) {
    Binder binder = Binder.get(context.getEnvironment());
    Boolean enabled = binder.bind(PREFIX + "enabled", Boolean.class).orElse(null);
    if (enabled != null) {
      return enabled
          ? ConditionOutcome.match(PREFIX + "enabled is true")
          : ConditionOutcome.noMatch(PREFIX + "enabled is false");
    }
    for (String name : List.of("secret", "path")) {
      if (binder.bind(PREFIX + name, String.class).isBound()) {
        return ConditionOutcome.match(PREFIX + name + " is set");
      }
    }
    if (!binder
        .bind(PREFIX + "previous-secrets", Bindable.listOf(String.class))
        .orElse(List.of())
        .isEmpty()) {
      return ConditionOutcome.match(PREFIX + "previous-secrets is set");
    }
    if (binder.bind(PREFIX + "allow-unauthenticated", Boolean.class).orElse(false)) {
      return ConditionOutcome.match(PREFIX + "allow-unauthenticated is true");
    }
    return ConditionOutcome.noMatch(
        "none of "
            + PREFIX
            + "enabled, secret, previous-secrets, path or allow-unauthenticated is set");
  }
}
