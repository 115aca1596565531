package dev.gyre.functions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gyre.functions.internal.MessageProperties;
import dev.gyre.pulsar.Properties;
import org.junit.jupiter.api.Test;

/** The function sets the very properties Gyre's own stage host sets. */
class MessagePropertiesTest {

  @Test
  void shouldUseTheStageHostsPropertyNames() {
    assertThat(MessageProperties.INGEST_MILLIS).isEqualTo(Properties.INGEST_MILLIS);
    assertThat(MessageProperties.EVENT_ID).isEqualTo(Properties.EVENT_ID);
    assertThat(MessageProperties.STAGE).isEqualTo(Properties.STAGE);
    assertThat(MessageProperties.REASON).isEqualTo(Properties.REASON);
    assertThat(MessageProperties.DETAIL).isEqualTo(Properties.DETAIL);
    assertThat(MessageProperties.SOURCE_TOPIC).isEqualTo(Properties.SOURCE_TOPIC);
    assertThat(MessageProperties.SOURCE_MESSAGE_ID).isEqualTo(Properties.SOURCE_MESSAGE_ID);
  }
}
