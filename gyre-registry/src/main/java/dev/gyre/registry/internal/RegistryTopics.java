package dev.gyre.registry.internal;

import dev.gyre.api.StageException;
import dev.gyre.core.plan.TopicPlan;
import dev.gyre.pulsar.TopicProvisioner;
import java.util.List;
import org.apache.pulsar.client.admin.PulsarAdmin;
import org.apache.pulsar.client.admin.PulsarAdminException;
import org.apache.pulsar.common.policies.data.RetentionPolicies;

/**
 * The three topics of a registry namespace, and creating them. The namespace keeps every message
 * forever (retention without limits): payloads are read by message id long after they were
 * written, by readers that hold no subscription.
 *
 * @param versions a compacted topic of version records, keyed {@code name@version}
 * @param payloads the model files, in chunks, keyed {@code name@version}
 * @param channels a compacted topic of channel records (champion, history, canary), keyed by model name
 */
public record RegistryTopics(String namespace, String versions, String payloads, String channels) {

  public static RegistryTopics of(String namespace) {
    String base = "persistent://" + namespace + "/";
    return new RegistryTopics(namespace, base + "model-versions", base + "model-payloads", base + "model-channels");
  }

  /**
   * Creates the tenant, namespace and topics if missing, and sets unlimited retention. Idempotent;
   * looks before it creates, so that a registry in place costs three reads and no refused requests.
   */
  public void provision(PulsarAdmin admin) {
    try {
      String tenant = namespace.substring(0, namespace.indexOf('/'));
      boolean complete = admin.tenants().getTenants().contains(tenant)
          && admin.namespaces().getNamespaces(tenant).contains(namespace)
          && admin.topics().getList(namespace).containsAll(List.of(versions, payloads, channels));
      if (!complete) {
        new TopicProvisioner(admin).provision(List.of(new TopicPlan(versions, null), new TopicPlan(payloads, null),
            new TopicPlan(channels, null)));
      }
      RetentionPolicies forever = new RetentionPolicies(-1, -1);
      if (!forever.equals(admin.namespaces().getRetention(namespace))) {
        admin.namespaces().setRetention(namespace, forever);
      }
    } catch (PulsarAdminException e) {
      throw new StageException("cannot set up the model registry " + namespace + ": " + e.getMessage(),
          e.getStatusCode() >= 500, e);
    }
  }

  /** Asks the broker to compact a record topic; a compaction already running is fine. */
  public static void compact(PulsarAdmin admin, String topic) {
    try {
      admin.topics().triggerCompaction(topic);
    } catch (PulsarAdminException e) {
      // Compaction only saves readers time; the records are complete without it.
    }
  }
}
