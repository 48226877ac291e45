package dev.switchboard.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.core.webhook.autoconfigure.WebhookInboxProperties;
import dev.switchboard.core.webhook.autoconfigure.WebhookStoreProperties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

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

  @Test
  void theModeAndInboxDefaultsInTheMetadataAreTheBoundOnes() {
    ConfigurationDocs.assertMetadataDefaultsAreBound(
        "switchboard.webhook.inbox", WebhookInboxProperties.Inbox.class);
    assertThat(
            new Binder(new MapConfigurationPropertySource())
                .bindOrCreate("switchboard.webhook", WebhookInboxProperties.class)
                .getMode())
        .isEqualTo(WebhookInboxProperties.Mode.SYNC);
  }
}
