package dev.gyre.pulsar;

import dev.gyre.api.StageException;
import dev.gyre.core.plan.PipelinePlan;
import dev.gyre.core.plan.StagePlan;
import java.util.ArrayList;
import java.util.List;
import org.apache.pulsar.client.admin.PulsarAdmin;
import org.apache.pulsar.client.admin.PulsarAdminException;

/**
 * How each stage run by Gyre's own stage host ({@link PipelineRunner}, {@code gyre run}) is doing,
 * read from the broker's statistics alone, so it works for any number of {@code gyre run}
 * processes on any machines: the consumers on the stage's subscription {@code gyre-<pipeline>-<stage>}
 * are its instances (each is named {@code <stage>-<instance>}), the subscription's dispatch rate is
 * the rate into the stage, its backlog what the stage has not acknowledged yet.
 *
 * <p>Partitioned input topics are read partition by partition and summed; an instance that reads
 * several partitions counts once. Counters such as the dead letters are the broker's counts since the
 * topic was last loaded, so they restart from zero when a topic moves to another broker. Not
 * thread-safe; one instance per admin client is cheap.
 */
public final class StageHostStatus {

  /**
   * One stage's subscription.
   *
   * @param instances    consumer names connected to the subscription, sorted ({@code transform-0}, ...)
   * @param partitions   partitions of the input topic; 0 for a non-partitioned topic
   * @param rateIn       messages per second dispatched to the stage
   * @param rateOut      messages per second arriving on the stage's output topic
   * @param backlog      messages on the subscription not yet acknowledged
   * @param unacked      messages dispatched to the instances and not yet acknowledged
   * @param deadLetters  messages on the dead-letter topic since the broker loaded it
   */
  public record StageStatus(String stage, String subscription, List<String> instances, int parallelism,
      int partitions, double rateIn, double rateOut, long backlog, long unacked, long deadLetters) {
    public StageStatus {
      instances = List.copyOf(instances);
    }
  }

  private final PulsarAdmin admin;

  public StageHostStatus(PulsarAdmin admin) {
    this.admin = admin;
  }

  /** The status of every stage of the plan, in data-flow order. */
  public List<StageStatus> status(PipelinePlan plan) {
    List<StageStatus> statuses = new ArrayList<>();
    for (StagePlan stage : plan.stages()) {
      String subscription = plan.subscription(stage);
      try {
        SubscriptionTotals input = SubscriptionTotals.read(admin, stage.inputTopic(), subscription);
        statuses.add(new StageStatus(stage.name(), subscription, new ArrayList<>(input.consumers()),
            stage.parallelism(), input.partitions(), input.dispatchRate(),
            SubscriptionTotals.rateIn(admin, stage.outputTopic()), input.backlog(), input.unacked(),
            SubscriptionTotals.messagesIn(admin, stage.deadLetterTopic())));
      } catch (PulsarAdminException e) {
        throw new StageException("cannot read the status of stage '" + stage.name() + "' (subscription "
            + subscription + " on " + stage.inputTopic() + "): " + e.getMessage(), e.getStatusCode() >= 500, e);
      }
    }
    return statuses;
  }
}
