package dev.gyre.pulsar;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.pulsar.client.admin.PulsarAdmin;
import org.apache.pulsar.client.admin.PulsarAdminException;
import org.apache.pulsar.common.policies.data.ConsumerStats;
import org.apache.pulsar.common.policies.data.TopicStats;

/**
 * One subscription's statistics summed over the partitions of its topic: the broker answers
 * {@code getStats} for a partitioned topic's base name with 404, so a partitioned topic is read
 * partition by partition.
 *
 * @param topicRateIn   messages per second arriving on the topic
 * @param dispatchRate  messages per second dispatched to the subscription's consumers
 * @param backlog       messages not yet acknowledged on the subscription
 * @param unacked       messages dispatched and not yet acknowledged
 * @param consumers     the names of the connected consumers, sorted; one name per consumer even
 *                      if it reads several partitions
 * @param partitions    the topic's partitions; 0 for a non-partitioned topic
 */
record SubscriptionTotals(double topicRateIn, double dispatchRate, long backlog, long unacked, Set<String> consumers,
    int partitions) {

  static SubscriptionTotals read(PulsarAdmin admin, String topic, String subscription) throws PulsarAdminException {
    int partitions = admin.topics().getPartitionedTopicMetadata(topic).partitions;
    Collection<? extends TopicStats> all = partitions > 0
        ? admin.topics().getPartitionedStats(topic, true).getPartitions().values()
        : List.of(admin.topics().getStats(topic));
    double rateIn = 0;
    double dispatch = 0;
    long backlog = 0;
    long unacked = 0;
    Set<String> consumers = new TreeSet<>();
    for (TopicStats stats : all) {
      rateIn += stats.getMsgRateIn();
      var sub = stats.getSubscriptions().get(subscription);
      if (sub != null) {
        dispatch += sub.getMsgRateOut();
        backlog += sub.getMsgBacklog();
        unacked += sub.getUnackedMessages();
        for (ConsumerStats consumer : sub.getConsumers()) {
          consumers.add(consumer.getConsumerName());
        }
      }
    }
    return new SubscriptionTotals(rateIn, dispatch, backlog, unacked, consumers, partitions);
  }

  /** Messages that arrived on the topic since a broker loaded it; 0 if the topic does not exist. */
  static long messagesIn(PulsarAdmin admin, String topic) throws PulsarAdminException {
    try {
      int partitions = admin.topics().getPartitionedTopicMetadata(topic).partitions;
      return partitions > 0 ? admin.topics().getPartitionedStats(topic, false).getMsgInCounter()
          : admin.topics().getStats(topic).getMsgInCounter();
    } catch (PulsarAdminException.NotFoundException absent) {
      return 0;
    }
  }

  /** Messages per second arriving on the topic; 0 if it does not exist. */
  static double rateIn(PulsarAdmin admin, String topic) throws PulsarAdminException {
    try {
      return read(admin, topic, "").topicRateIn();
    } catch (PulsarAdminException.NotFoundException absent) {
      return 0;
    }
  }
}
