package dev.switchboard.sandbox.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ModulesTest {

  @Test
  void findsTheSdkModulesTheSandboxBuildsDeliveriesWith() {
    assertThat(Modules.present(Modules.FUTWORK)).isTrue();
    assertThat(Modules.present(Modules.FLOWFORGE)).isTrue();
    assertThat(Modules.present(Modules.WORKFLUX)).isTrue();
  }

  @Test
  void aMissingModuleFailsNamingTheDependencyToAdd() {
    String missing = "dev.example:not-there (dev.example.NotThere)";

    assertThat(Modules.present(missing)).isFalse();
    assertThatThrownBy(() -> Modules.require(missing, "Futwork post-call deliveries"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "Futwork post-call deliveries are built with the SDK's own types: add"
                + " dev.example:not-there to the classpath (an optional dependency of"
                + " switchboard-sandbox).");
  }
}
