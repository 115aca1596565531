package dev.gyre.pulsar;

import dev.gyre.api.StageException;
import dev.gyre.core.plan.PipelinePlan;
import dev.gyre.core.plan.StagePlan;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import org.apache.pulsar.client.admin.PulsarAdmin;
import org.apache.pulsar.client.admin.PulsarAdminException;
import org.apache.pulsar.common.policies.data.ConsumerStats;
import org.apache.pulsar.common.policies.data.SubscriptionStats;
import org.apache.pulsar.common.policies.data.TopicStats;

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
        int partitions = admin.topics().getPartitionedTopicMetadata(stage.inputTopic()).partitions;
        Collection<? extends TopicStats> inputs = partitions > 0
            ? admin.topics().getPartitionedStats(stage.inputTopic(), true).getPartitions().values()
            : List.of(admin.topics().getStats(stage.inputTopic()));
        TreeSet<String> instances = new TreeSet<>();
        double rateIn = 0;
        long backlog = 0;
        long unacked = 0;
        for (TopicStats input : inputs) {
          SubscriptionStats sub = input.getSubscriptions().get(subscription);
          if (sub != null) {
            rateIn += sub.getMsgRateOut();
            backlog += sub.getMsgBacklog();
            unacked += sub.getUnackedMessages();
            for (ConsumerStats consumer : sub.getConsumers()) {
              instances.add(consumer.getConsumerName());
            }
          }
        }
        TopicStats output = stats(stage.outputTopic());
        TopicStats dead = stats(stage.deadLetterTopic());
        statuses.add(new StageStatus(stage.name(), subscription, new ArrayList<>(instances), stage.parallelism(),
            partitions, rateIn, output == null ? 0 : output.getMsgRateIn(), backlog, unacked,
            dead == null ? 0 : dead.getMsgInCounter()));
      } catch (PulsarAdminException e) {
        throw new StageException("cannot read the status of stage '" + stage.name() + "' (subscription "
            + subscription + " on " + stage.inputTopic() + "): " + e.getMessage(), e.getStatusCode() >= 500, e);
      }
    }
    return statuses;
  }

  /** The topic's statistics, summed over its partitions; null if the topic does not exist. */
  private TopicStats stats(String topic) throws PulsarAdminException {
    try {
      int partitions = admin.topics().getPartitionedTopicMetadata(topic).partitions;
      return partitions > 0 ? admin.topics().getPartitionedStats(topic, false) : admin.topics().getStats(topic);
    } catch (PulsarAdminException.NotFoundException absent) {
      return null;
    }
  }
}
