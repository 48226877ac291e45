package dev.switchboard.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.core.mapping.MappingDeclarationException;
import dev.switchboard.core.webhook.WebhookConfigurationException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Each configuration error the SDK raises becomes a Description and an Action. */
class SwitchboardFailureAnalyzerTest {

  private final SwitchboardFailureAnalyzer analyzer = new SwitchboardFailureAnalyzer();

  @Test
  void aConfigurationExceptionDeepInTheChainGivesItsDescriptionAndAction() {
    Throwable failure =
        new BeanCreationException(
            "futworkWebhookEndpoint",
            "Error creating bean",
            new IllegalStateException(
                "wrapped", new UnresolvedPlaceholderException("a.secret", "${X}")));
    FailureAnalysis analysis = analyzer.analyze(failure);
    assertThat(analysis.getDescription()).contains("a.secret", "${X}").doesNotContain("Define");
    assertThat(analysis.getAction()).startsWith("Define X");
  }

  @Test
  void aWebhookConfigurationExceptionWithoutAnActionGetsAGenericOne() {
    FailureAnalysis analysis =
        analyzer.analyze(new WebhookConfigurationException("Two receivers use /x."));
    assertThat(analysis.getDescription()).isEqualTo("Two receivers use /x.");
    assertThat(analysis.getAction()).isNotBlank();
  }

  @Test
  void aMappingDeclarationListsItsProblems() {
    FailureAnalysis analysis =
        analyzer.analyze(
            new BeanCreationException(
                "m", "x", new MappingDeclarationException("field mapping 'leads'", List.of("p1"))));
    assertThat(analysis.getDescription()).contains("p1");
    assertThat(analysis.getAction()).contains("field mapping");
  }

  @Test
  void anIllegalArgumentFromTheSdkIsAnalysedAndOneFromElsewhereIsNot() {
    IllegalArgumentException fromSdk = sdkBuilderRefusal();
    assertThat(analyzer.analyze(new BeanCreationException("c", "x", fromSdk)).getDescription())
        .contains("set x.api-key");
    IllegalArgumentException notOurs = new IllegalArgumentException("not ours");
    notOurs.setStackTrace(
        new StackTraceElement[] {new StackTraceElement("com.example.App", "run", null, 1)});
    assertThat(analyzer.analyze(notOurs)).isNull();
    assertThat(analyzer.analyze(new IllegalStateException("unrelated"))).isNull();
  }

  private static IllegalArgumentException sdkBuilderRefusal() {
    IllegalArgumentException e = new IllegalArgumentException("No key: set x.api-key.");
    e.setStackTrace(
        new StackTraceElement[] {
          new StackTraceElement("dev.switchboard.futwork.lead.LeadClientBuilder", "build", null, 1)
        });
    return e;
  }
}
