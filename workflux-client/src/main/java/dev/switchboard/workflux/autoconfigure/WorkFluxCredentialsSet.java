package dev.switchboard.workflux.autoconfigure;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when {@code workflux.client-id} or {@code workflux.client-secret} is set: the WorkFlux
 * client and its health check exist only then, so an application that only receives WorkFlux events
 * needs no client credentials. One of the two without the other still creates the client, whose
 * builder then names the missing property.
 */
final class WorkFluxCredentialsSet extends SpringBootCondition {

  static final String CLIENT_ID = "workflux.client-id";
  static final String CLIENT_SECRET = "workflux.client-secret";

  @Override
  public ConditionOutcome getMatchOutcome(
      ConditionContext context, AnnotatedTypeMetadata metadata) {
    return matches(context.getEnvironment())
        ? ConditionOutcome.match("WorkFlux client credentials are set")
        : ConditionOutcome.noMatch(
            "neither " + CLIENT_ID + " nor " + CLIENT_SECRET + " is set (receive-only)");
  }

  static boolean matches(Environment environment) {
    return environment.containsProperty(CLIENT_ID) || environment.containsProperty(CLIENT_SECRET);
  }
}
