package dev.gyre.functions;

import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.pulsar.client.api.Message;
import org.apache.pulsar.client.api.MessageId;
import org.apache.pulsar.client.api.Schema;
import org.apache.pulsar.functions.api.Context;
import org.apache.pulsar.functions.api.Record;
import org.apache.pulsar.functions.api.utils.FunctionRecord;
import org.slf4j.LoggerFactory;

/**
 * A hand-made Functions {@link Context} for unit tests: answers what {@link GyreStageFunction}
 * asks (user config, topics, the current record, record builders, fatal) as the Java instance
 * does, and throws for the rest.
 */
final class TestContext {
  final Map<String, Object> userConfig;
  final String inputTopic;
  final String outputTopic;
  final List<Throwable> fatal = new ArrayList<>();
  private Record<byte[]> current;
  private final Context context;

  TestContext(Map<String, Object> userConfig, String inputTopic, String outputTopic) {
    this.userConfig = userConfig;
    this.inputTopic = inputTopic;
    this.outputTopic = outputTopic;
    this.context = (Context) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Context.class},
        (proxy, method, args) -> switch (method.getName()) {
          case "getUserConfigMap" -> userConfig;
          case "getInputTopics" -> List.of(inputTopic);
          case "getOutputTopic" -> outputTopic;
          case "getInstanceId" -> 0;
          case "getLogger" -> LoggerFactory.getLogger("function-test");
          case "getCurrentRecord" -> current;
          case "newOutputRecordBuilder" -> FunctionRecord.from((Context) proxy, (Schema<?>) args[0]);
          case "fatal" -> fatal.add((Throwable) args[0]);
          case "toString" -> "TestContext";
          default -> throw new UnsupportedOperationException(method.getName());
        });
  }

  Context context() {
    return context;
  }

  /** Makes {@code payload} the current record, as read from the input topic at {@code messageId}. */
  byte[] receive(String key, String payload, Map<String, String> properties, String messageId, long publishTime) {
    byte[] value = payload.getBytes(StandardCharsets.UTF_8);
    Message<?> message = (Message<?>) Proxy.newProxyInstance(getClass().getClassLoader(),
        new Class<?>[] {Message.class}, (proxy, method, args) -> switch (method.getName()) {
          case "getMessageId" -> new TestMessageId(messageId);
          case "getPublishTime" -> publishTime;
          default -> throw new UnsupportedOperationException(method.getName());
        });
    Map<String, String> props = new HashMap<>(properties);
    current = new Record<>() {
      @Override
      public byte[] getValue() {
        return value;
      }

      @Override
      public Optional<String> getKey() {
        return Optional.ofNullable(key);
      }

      @Override
      public Optional<String> getTopicName() {
        return Optional.of(inputTopic);
      }

      @Override
      public Map<String, String> getProperties() {
        return props;
      }

      @Override
      @SuppressWarnings({"unchecked", "rawtypes"})
      public Optional<Message<byte[]>> getMessage() {
        return Optional.of((Message) message);
      }
    };
    return value;
  }

  private record TestMessageId(String id) implements MessageId {
    @Override
    public byte[] toByteArray() {
      return id.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public int compareTo(MessageId other) {
      return id.compareTo(other.toString());
    }

    @Override
    public String toString() {
      return id;
    }
  }
}
