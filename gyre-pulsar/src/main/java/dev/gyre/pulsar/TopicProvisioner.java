package dev.gyre.pulsar;

import dev.gyre.api.StageException;
import dev.gyre.core.plan.TopicPlan;
import dev.gyre.pulsar.internal.JsonBytesSchema;
import dev.gyre.spec.TopicName;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.pulsar.client.admin.PulsarAdmin;
import org.apache.pulsar.client.admin.PulsarAdminException;
import org.apache.pulsar.common.policies.data.TenantInfo;

/**
 * Creates what a pipeline needs and is missing: tenants, namespaces, topics and their JSON
 * schemas. Idempotent: existing resources are left as they are; a schema that changed is posted as
 * a new version, which fails with a clear message if the namespace's compatibility rules refuse it.
 */
public final class TopicProvisioner {
  private final PulsarAdmin admin;

  public TopicProvisioner(PulsarAdmin admin) {
    this.admin = admin;
  }

  public void provision(List<TopicPlan> topics) {
    Set<String> tenants = new HashSet<>();
    Set<String> namespaces = new HashSet<>();
    for (TopicPlan plan : topics) {
      TopicName name = TopicName.parse(plan.topic());
      try {
        if (tenants.add(name.tenant())) {
          ensureTenant(name.tenant());
        }
        if (namespaces.add(name.namespaceName())) {
          ensureNamespace(name.namespaceName());
        }
        ensureTopic(plan.topic());
        if (plan.compacted()) {
          compact(plan.topic());
        }
        if (plan.avroSchema() != null) {
          admin.schemas().createSchema(plan.topic(), JsonBytesSchema.info(name.local(), plan.avroSchema()));
        }
      } catch (PulsarAdminException e) {
        throw new StageException("cannot provision " + plan.topic() + ": " + e.getMessage()
            + (e.getStatusCode() == 409 ? " (the topic has an incompatible schema; delete the topic's schema"
            + " or use a new topic)" : ""), e.getStatusCode() >= 500, e);
      }
    }
  }

  private void ensureTenant(String tenant) throws PulsarAdminException {
    if (admin.tenants().getTenants().contains(tenant)) {
      return;
    }
    Set<String> clusters = new HashSet<>(admin.clusters().getClusters());
    try {
      admin.tenants().createTenant(tenant, TenantInfo.builder().allowedClusters(clusters).build());
    } catch (PulsarAdminException.ConflictException raced) {
      // created meanwhile
    }
  }

  private void ensureNamespace(String namespace) throws PulsarAdminException {
    try {
      admin.namespaces().createNamespace(namespace);
    } catch (PulsarAdminException.ConflictException exists) {
      // already there
    }
  }

  /**
   * Lets the broker compact the topic once its backlog passes {@value #COMPACTION_THRESHOLD} bytes:
   * a state changelog then keeps about one message per key. Readers see the full state with or
   * without compaction; it only bounds how much a restore reads.
   */
  private void compact(String topic) {
    try {
      admin.topicPolicies().setCompactionThreshold(topic, COMPACTION_THRESHOLD);
    } catch (PulsarAdminException e) {
      // topic policies disabled on this broker: the changelog stays complete, only longer to read
    }
  }

  /** The backlog size that triggers compaction of a compacted topic: 16 MiB. */
  static final long COMPACTION_THRESHOLD = 16L * 1024 * 1024;

  private void ensureTopic(String topic) throws PulsarAdminException {
    try {
      admin.topics().createNonPartitionedTopic(topic);
    } catch (PulsarAdminException.ConflictException exists) {
      // already there (partitioned or not)
    }
  }
}
