package dev.gyre.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TopicNameTest {

  @ParameterizedTest
  @ValueSource(strings = {"persistent://ml/raw/sensor-input", "non-persistent://t/n/x", "persistent://a.b/c_d/E-9.x"})
  void shouldReadBackWhatItWrites(String text) {
    TopicName topic = TopicName.parse(text);

    assertThat(topic.toString()).isEqualTo(text);
    assertThat(TopicName.parse(topic.toString())).isEqualTo(topic);
  }

  @Test
  void shouldSplitIntoParts() {
    TopicName topic = TopicName.parse("persistent://ml/raw/sensor-input");

    assertThat(topic).isEqualTo(new TopicName("persistent", "ml", "raw", "sensor-input"));
    assertThat(topic.namespaceName()).isEqualTo("ml/raw");
  }

  @Test
  void shouldExplainShortNames() {
    assertThatIllegalArgumentException().isThrownBy(() -> TopicName.parse("sensor-input"))
        .withMessage("topic 'sensor-input' is not a full topic name; use the form persistent://tenant/namespace/topic "
            + "(or non-persistent://tenant/namespace/topic)");
  }

  @Test
  void shouldExplainWrongDomainPartCountAndCharacters() {
    assertThatIllegalArgumentException().isThrownBy(() -> TopicName.parse("kafka://a/b/c"))
        .withMessageStartingWith("topic 'kafka://a/b/c' has the domain 'kafka' where persistent or non-persistent");
    assertThatIllegalArgumentException().isThrownBy(() -> TopicName.parse("persistent://ml/sensor"))
        .withMessageStartingWith("topic 'persistent://ml/sensor' has 2 parts after 'persistent://' but needs tenant, "
            + "namespace and topic");
    assertThatIllegalArgumentException().isThrownBy(() -> TopicName.parse("persistent://ml//x"))
        .withMessageStartingWith("topic 'persistent://ml//x' has an empty part");
    assertThatIllegalArgumentException().isThrownBy(() -> TopicName.parse("persistent://ml/raw/a b"))
        .withMessageStartingWith("topic 'persistent://ml/raw/a b' has the part 'a b', which may only hold letters, "
            + "digits, '.', '_' and '-'");
  }

  @Test
  void shouldCheckPartsWhenBuiltDirectly() {
    assertThatIllegalArgumentException().isThrownBy(() -> new TopicName("persistent", "ml", "r/aw", "x"));
    assertThatIllegalArgumentException().isThrownBy(() -> new TopicName("durable", "ml", "raw", "x"));
  }

  @Test
  void shouldReportBadTopicsInSpecWithExpectedForm() {
    assertThat(Specs.problems(Specs.MINIMAL.replace("persistent://t/n/out", "persistent://t/out")))
        .containsExactly("stages[0].output (line 10): was 'persistent://t/out' but it has 2 parts after "
            + "'persistent://' but needs tenant, namespace and topic; use the form persistent://tenant/namespace/topic "
            + "(or non-persistent://tenant/namespace/topic)");
  }
}
