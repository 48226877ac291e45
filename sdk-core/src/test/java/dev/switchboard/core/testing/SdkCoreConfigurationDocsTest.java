package dev.switchboard.core.testing;

import dev.switchboard.core.webhook.autoconfigure.WebhookStoreProperties;
import org.junit.jupiter.api.Test;

class SdkCoreConfigurationDocsTest {

  @Test
  void everyPropertyHasADescriptionAndIsInTheConfigurationReference() {
    ConfigurationDocs.assertEveryPropertyDocumented();
  }

  @Test
  void theStoreDefaultsInTheMetadataAreTheBoundOnes() {
    ConfigurationDocs.assertMetadataDefaultsAreBound(
        "switchboard.webhook.store", WebhookStoreProperties.class);
  }
}
