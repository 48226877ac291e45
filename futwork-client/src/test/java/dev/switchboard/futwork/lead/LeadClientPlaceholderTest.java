package dev.switchboard.futwork.lead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.core.config.UnresolvedPlaceholderException;
import dev.switchboard.futwork.lead.autoconfigure.FutworkClientAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * An API key or base URL still holding an unresolved placeholder (an unset environment variable)
 * fails startup naming the property, with Boot's failure analysis rather than a stack trace.
 */
@ExtendWith(OutputCaptureExtension.class)
class LeadClientPlaceholderTest {

  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class App {}

  final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(FutworkClientAutoConfiguration.class));

  @Test
  void eachKeyAndUrlPropertyIsChecked() {
    for (String property :
        new String[] {
          "futwork.api-key",
          "futwork.workflows.api-key",
          "futwork.campaigns.api-key",
          "futwork.workflows.base-url",
          "futwork.campaigns.base-url"
        }) {
      runner
          .withPropertyValues("futwork.api-key=k", property + "=${FUTWORK_UNSET_VARIABLE_X}")
          .run(
              context -> {
                assertThat(context).hasFailed();
                assertThat(context.getStartupFailure())
                    .rootCause()
                    .isInstanceOf(UnresolvedPlaceholderException.class)
                    .hasMessageContaining(property)
                    .hasMessageContaining("${FUTWORK_UNSET_VARIABLE_X}");
              });
    }
  }

  @Test
  void theApplicationFailsWithADescriptionAndAnAction(CapturedOutput output) {
    assertThatThrownBy(
            () ->
                new SpringApplicationBuilder(App.class)
                    .web(WebApplicationType.NONE)
                    .properties("spring.main.banner-mode=off", "futwork.api-key=${FUTWORK_API_KEY}")
                    .run())
        .hasStackTraceContaining("futwork.api-key");
    assertThat(output.getAll())
        .contains("APPLICATION FAILED TO START")
        .contains("Description:")
        .contains(
            "The property futwork.api-key holds the unresolved placeholder ${FUTWORK_API_KEY}")
        .contains("Action:")
        .contains("Define FUTWORK_API_KEY");
    assertThat(output.getAll().lines().filter(l -> l.startsWith("\tat ")).count()).isZero();
  }

  @Test
  void aMissingKeyIsAnalysedToo(CapturedOutput output) {
    assertThatThrownBy(
            () ->
                new SpringApplicationBuilder(App.class)
                    .web(WebApplicationType.NONE)
                    .properties("spring.main.banner-mode=off")
                    .run())
        .isNotNull();
    assertThat(output.getAll())
        .contains("APPLICATION FAILED TO START")
        .contains("set futwork.api-key")
        .contains("Action:");
    assertThat(output.getAll().lines().filter(l -> l.startsWith("\tat ")).count()).isZero();
  }
}
