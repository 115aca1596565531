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

  private void ensureTopic(String topic) throws PulsarAdminException {
    try {
      admin.topics().createNonPartitionedTopic(topic);
    } catch (PulsarAdminException.ConflictException exists) {
      // already there (partitioned or not)
    }
  }
}
