package dev.gyre.bench;

import dev.gyre.core.plan.ModelLoader;
import dev.gyre.core.plan.PipelinePlan;
import dev.gyre.core.plan.PipelinePlanner;
import dev.gyre.pulsar.PipelineRunner;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.pulsar.client.admin.PulsarAdmin;
import org.apache.pulsar.client.api.PulsarClient;
import org.apache.pulsar.client.api.PulsarClientException;

/**
 * Gyre's stage host: the spec's stages run by {@link PipelineRunner} in this JVM, on a Pulsar client
 * of their own configured as {@code gyre run} configures it.
 */
public final class GyreScenario implements Scenario {
  private final PulsarAdmin admin;
  private final String serviceUrl;
  private final PipelinePlan plan;
  private PulsarClient client;
  private PipelineRunner runner;

  public GyreScenario(PulsarAdmin admin, String serviceUrl, BenchSpec spec, String tenant) {
    this.admin = admin;
    this.serviceUrl = serviceUrl;
    this.plan = new PipelinePlanner(ModelLoader.serviceLoader()).plan(spec.documentIn(tenant));
  }

  @Override
  public String name() {
    return "gyre";
  }

  @Override
  public String description() {
    return "Gyre stage host (PipelineRunner, in the bench JVM): " + plan.stages().size()
        + " stages, " + (plan.stages().size() + 1) + " topics";
  }

  @Override
  public void start() throws PulsarClientException {
    client = PulsarClient.builder().serviceUrl(serviceUrl).ioThreads(1).listenerThreads(1)
        .connectionTimeout(10, TimeUnit.SECONDS).build();
    runner = new PipelineRunner(plan, client, new SimpleMeterRegistry(), Clock.systemUTC());
    runner.start(admin);
  }

  @Override
  public String inputTopic() {
    return plan.spec().source().topic();
  }

  @Override
  public String outputTopic() {
    return plan.finalTopic();
  }

  @Override
  public String failure() {
    return runner == null ? null : runner.failure().map(Throwable::getMessage).orElse(null);
  }

  @Override
  public void close() {
    if (runner != null) {
      runner.stop(Duration.ofSeconds(30));
    }
    plan.close();
    if (client != null) {
      try {
        client.close();
      } catch (PulsarClientException ignored) {
        // closing anyway
      }
    }
  }
}
