package dev.switchboard.core.config;

import dev.switchboard.core.mapping.MappingDeclarationException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.Ordered;

/**
 * Turns a configuration the SDK refused into Boot's "APPLICATION FAILED TO START" report, with a
 * Description and an Action instead of a long stack trace, on Spring Boot 3.5 and 4.x alike.
 *
 * <p>It recognises, anywhere in the cause chain: a {@link SwitchboardConfigurationException} (its
 * own action), a {@link MappingDeclarationException}, and an {@link IllegalArgumentException}
 * thrown by the SDK's own code while a bean was created from configuration (a client builder
 * refusing a missing credential or a non-https URL), whose message names the property to set.
 * Ordered first, so Boot's generic analysis of binding errors does not hide the SDK's message.
 * Registered in {@code META-INF/spring.factories}.
 */
public final class SwitchboardFailureAnalyzer implements FailureAnalyzer, Ordered {

  private static final String SDK_PACKAGE = "dev.switchboard.";

  /** Creates the analyzer; Boot does, from {@code spring.factories}. */
  public SwitchboardFailureAnalyzer() {}

  @Override
  public FailureAnalysis analyze(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SwitchboardConfigurationException e) {
        return new FailureAnalysis(
            e.description(),
            e.action().isEmpty()
                ? "Change the configuration as the description says, then restart."
                : e.action(),
            e);
      }
      if (t instanceof MappingDeclarationException e) {
        return new FailureAnalysis(
            e.getMessage(),
            "Correct each field mapping entry listed in the description, then restart.",
            e);
      }
      if (t instanceof IllegalArgumentException e && thrownBySdk(e) && e.getMessage() != null) {
        return new FailureAnalysis(
            "The Switchboard SDK refused its configuration: " + e.getMessage(),
            "Change the configuration as the description says, then restart.",
            e);
      }
    }
    return null;
  }

  private static boolean thrownBySdk(Throwable e) {
    StackTraceElement[] trace = e.getStackTrace();
    return trace.length > 0 && trace[0].getClassName().startsWith(SDK_PACKAGE);
  }

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE;
  }
}
