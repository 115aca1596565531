package dev.gyre.sinks;

import dev.gyre.core.event.EventCondition;
import dev.gyre.core.plan.PipelinePlan;
import dev.gyre.core.plan.SinkInput;
import dev.gyre.core.plan.TopicPlan;
import dev.gyre.pulsar.PipelineExtension;
import dev.gyre.pulsar.TopicProvisioner;
import dev.gyre.sinks.internal.Backoff;
import dev.gyre.sinks.internal.EventMapper;
import dev.gyre.sinks.internal.PostgresTable;
import dev.gyre.sinks.internal.PostgresWriter;
import dev.gyre.sinks.internal.SinkBinding;
import dev.gyre.sinks.internal.SinkMetrics;
import dev.gyre.sinks.internal.SinkRunner;
import dev.gyre.sinks.internal.SinkWriter;
import dev.gyre.sinks.internal.WebhookWriter;
import dev.gyre.spec.PostgresSinkSpec;
import dev.gyre.spec.SinkSpec;
import dev.gyre.spec.WebhookSinkSpec;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.apache.pulsar.client.admin.PulsarAdmin;
import org.apache.pulsar.client.api.PulsarClient;

/**
 * Starts the spec's {@code sinks} when a {@link dev.gyre.pulsar.PipelineRunner} starts the pipeline;
 * found through {@link java.util.ServiceLoader}. For each sink it creates the dead-letter topic
 * {@code <input>-<sink>-dlq}, opens the writer (a PostgreSQL sink connects and creates or checks its
 * table here, so a wrong table stops the pipeline before the first event), and starts a
 * {@link SinkRunner} on subscription {@code gyre-<pipeline>-<sink>}. Environment references in
 * settings ({@code ${PGPASSWORD}}) are resolved from {@link System#getenv}.
 */
public final class SinkExtension implements PipelineExtension {
  /** Webhook events are posted one by one; a batch only bounds how many are acknowledged together. */
  private static final int WEBHOOK_BATCH = 100;
  private final Function<String, String> env;

  /** Called by {@link java.util.ServiceLoader}. */
  public SinkExtension() {
    this(System::getenv);
  }

  /** @param env resolves {@code ${NAME}} references in sink settings */
  public SinkExtension(Function<String, String> env) {
    this.env = env;
  }

  @Override
  public AutoCloseable start(PipelinePlan plan, PulsarClient client, PulsarAdmin admin, MeterRegistry metrics) {
    List<SinkRunner> runners = new ArrayList<>();
    AutoCloseable stop = () -> runners.forEach(r -> r.stop(Duration.ofSeconds(30)));
    try {
      for (SinkSpec sink : plan.spec().sinks()) {
        runners.add(start(plan, sink, client, admin, metrics));
      }
      return stop;
    } catch (RuntimeException e) {
      runners.forEach(r -> r.stop(Duration.ofSeconds(5)));
      throw e;
    }
  }

  private SinkRunner start(PipelinePlan plan, SinkSpec sink, PulsarClient client, PulsarAdmin admin,
      MeterRegistry metrics) {
    SinkInput input = SinkInput.of(plan, sink.input());
    new TopicProvisioner(admin).provision(List.of(new TopicPlan(sink.deadLetterTopic(), null)));
    AtomicReference<SinkRunner> self = new AtomicReference<>();
    BooleanSupplier running = () -> self.get() == null || self.get().isRunning();
    int batchSize = sink instanceof PostgresSinkSpec pg ? pg.batchSize() : WEBHOOK_BATCH;
    SinkWriter writer;
    if (sink instanceof PostgresSinkSpec pg) {
      writer = new PostgresWriter(pg, new PostgresTable(pg.table(), input.fields()), env);
    } else {
      WebhookSinkSpec hook = (WebhookSinkSpec) sink;
      EventCondition when = hook.when() == null ? null : EventCondition.compile(hook.when(), input.fields());
      writer = new WebhookWriter(hook, when, env, running, new Backoff(Duration.ofMillis(100), Duration.ofSeconds(5)));
    }
    writer.open();
    SinkBinding binding = new SinkBinding(sink.name(), sink.input(), "gyre-" + plan.spec().name() + "-" + sink.name(),
        sink.deadLetterTopic(), batchSize, Math.max(batchSize, plan.spec().runtime().receiverQueueSize()));
    SinkRunner runner = new SinkRunner(client, binding, new EventMapper(input), writer,
        new SinkMetrics(metrics, plan.spec().name(), sink.name()));
    try {
      runner.start();
    } catch (RuntimeException e) {
      writer.close();
      throw e;
    }
    self.set(runner);
    return runner;
  }
}
