package dev.gyre.bench;

import dev.gyre.core.plan.TopicPlan;
import dev.gyre.pulsar.TopicProvisioner;
import java.util.List;
import org.apache.pulsar.client.admin.PulsarAdmin;

/** The baseline: one topic, the probe's producer writes it and its consumer reads it. */
public final class RawScenario implements Scenario {
  private final PulsarAdmin admin;
  private final String topic;

  public RawScenario(PulsarAdmin admin, String tenant) {
    this.admin = admin;
    this.topic = "persistent://" + tenant + "/bench/single-hop";
  }

  @Override
  public String name() {
    return "raw";
  }

  @Override
  public String description() {
    return "Pulsar single hop: producer -> 1 topic -> consumer";
  }

  @Override
  public void start() {
    new TopicProvisioner(admin).provision(List.of(new TopicPlan(topic, null)));
  }

  @Override
  public String inputTopic() {
    return topic;
  }

  @Override
  public String outputTopic() {
    return topic;
  }

  @Override
  public String failure() {
    return null;
  }

  @Override
  public void close() {}
}
