package dev.switchboard.flowforge.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.core.testing.Fixtures;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The inbox mode orders one conversation's events by the conversation id each event gives. */
class FlowforgeOrderingKeyTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "flowforge-captured-form-created.json",
        "flowforge-captured-intent-created.json",
        "flowforge-conversation-closed.json"
      })
  void everyDocumentedEventIsOrderedByItsConversation(String fixture) {
    FlowforgeEvent event = FlowforgeEvent.parse(Fixtures.payload(fixture), ZoneOffset.UTC);
    assertThat(event.orderingKey()).isNotBlank();
    assertThat(new String(Fixtures.payload(fixture), StandardCharsets.UTF_8))
        .contains("\"" + event.orderingKey() + "\"");
  }

  @Test
  void anUnknownEventIsNotOrdered() {
    FlowforgeEvent event =
        FlowforgeEvent.parse(
            "{\"id\":\"e1\",\"event\":\"something.new\",\"data\":{}}"
                .getBytes(StandardCharsets.UTF_8),
            ZoneOffset.UTC);
    assertThat(event).isInstanceOf(UnknownFlowforgeEvent.class);
    assertThat(event.orderingKey()).isNull();
  }
}
