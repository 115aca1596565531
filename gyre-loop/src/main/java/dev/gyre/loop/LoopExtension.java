package dev.gyre.loop;

import dev.gyre.api.SpecException;
import dev.gyre.api.SpecProblem;
import dev.gyre.api.StageException;
import dev.gyre.core.plan.PipelinePlan;
import dev.gyre.core.plan.TopicPlan;
import dev.gyre.learn.join.FeedbackJoin;
import dev.gyre.loop.internal.FeedbackLoop;
import dev.gyre.loop.internal.LoopMetrics;
import dev.gyre.loop.internal.LoopRunner;
import dev.gyre.loop.internal.RegistryVersions;
import dev.gyre.pulsar.PipelineExtension;
import dev.gyre.pulsar.TopicProvisioner;
import dev.gyre.registry.ModelRegistry;
import dev.gyre.spec.FeedbackSpec;
import dev.gyre.spec.PipelineSpec;
import dev.gyre.spec.ScoreStageSpec;
import dev.gyre.spec.StageSpec;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import org.apache.pulsar.client.admin.PulsarAdmin;
import org.apache.pulsar.client.api.PulsarClient;
import org.apache.pulsar.client.api.PulsarClientException;

/**
 * Starts the learning loop of a spec with {@code feedback} when a {@link dev.gyre.pulsar.PipelineRunner}
 * starts the pipeline; found through {@link java.util.ServiceLoader}, so {@code gyre run} starts it
 * with the stages. It reads the last stage's output (the predictions of the last score stage) and the
 * feedback topic on subscription {@code gyre-<pipeline>-feedback-join}, creates the evaluation, alert
 * and {@code <feedback topic>-dlq} topics and the compacted join-state topic
 * {@code gyre-<pipeline>-feedback-join-state} in the feedback topic's namespace, restores the last join
 * snapshot, and with {@code learning.online} opens the registry the learner's versions go to.
 * A spec without {@code feedback} gets a no-op.
 */
public final class LoopExtension implements PipelineExtension {
  private final Clock clock;

  /** Called by {@link java.util.ServiceLoader}. */
  public LoopExtension() {
    this(Clock.systemUTC());
  }

  public LoopExtension(Clock clock) {
    this.clock = clock;
  }

  @Override
  public AutoCloseable start(PipelinePlan plan, PulsarClient client, PulsarAdmin admin, MeterRegistry metrics) {
    PipelineSpec spec = plan.spec();
    FeedbackSpec feedback = spec.feedback();
    if (feedback == null) {
      return () -> { };
    }
    StageSpec last = spec.stages().get(spec.stages().size() - 1);
    if (!(last instanceof ScoreStageSpec score)) {
      throw new SpecException(new SpecProblem("feedback", 0, feedback.topic(), "needs the last stage to be a score "
          + "stage, whose predictions outcomes are joined to; move the score stage last"));
    }
    for (String out : List.of(feedback.evaluation().topic(), feedback.drift().alertsTopic(), last.output())) {
      if (out.equals(feedback.topic())) {
        throw new SpecException(new SpecProblem("feedback.topic", 0, feedback.topic(), "is also where the loop "
            + "publishes (" + out + "); name the outcome topic differently, such as "
            + FeedbackSpec.sibling(feedback.topic(), "outcomes")));
      }
    }
    String stateTopic = FeedbackSpec.sibling(feedback.topic(), "gyre-" + spec.name() + "-feedback-join-state");
    new TopicProvisioner(admin).provision(List.of(new TopicPlan(feedback.evaluation().topic(), null),
        new TopicPlan(feedback.drift().alertsTopic(), null), new TopicPlan(feedback.topic() + "-dlq", null),
        new TopicPlan(stateTopic, null, true)));
    ModelRegistry registry = feedback.online() == null ? null
        : ModelRegistry.open(client, admin, feedback.online().registry(), clock);
    try {
      FeedbackJoin restored = LoopRunner.restore(client, stateTopic, spec.name());
      FeedbackLoop loop = new FeedbackLoop(spec.name(), feedback, score.model().name(), score.model().inputs(),
          restored, registry == null ? null : new RegistryVersions(registry), new LoopMetrics(metrics, spec.name()),
          clock);
      LoopRunner runner = new LoopRunner(client, loop, spec.name(), last.output(), feedback.topic(),
          "gyre-" + spec.name() + "-feedback-join", stateTopic, clock);
      runner.start();
      return () -> {
        runner.close();
        if (registry != null) {
          registry.close();
        }
      };
    } catch (PulsarClientException | RuntimeException e) {
      if (registry != null) {
        registry.close();
      }
      if (e instanceof RuntimeException r) {
        throw r;
      }
      throw new StageException("cannot start the feedback loop of " + spec.name() + ": " + e.getMessage(), true, e);
    }
  }
}
