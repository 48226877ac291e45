package dev.switchboard.core.testing;

import org.junit.jupiter.api.Test;

class SdkCoreConfigurationDocsTest {

  @Test
  void everyPropertyHasADescriptionAndIsInTheConfigurationReference() {
    ConfigurationDocs.assertEveryPropertyDocumented();
  }
}
