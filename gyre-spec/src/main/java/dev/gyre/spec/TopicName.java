package dev.gyre.spec;

import dev.gyre.spec.internal.TopicRules;
import java.util.Objects;

/**
 * A full Pulsar topic name, split into its parts. Only the form is checked: whether the tenant and
 * namespace exist is the broker's business.
 *
 * <pre>{@code
 * TopicName t = TopicName.parse("persistent://ml/raw/sensor-input");
 * t.namespaceName();  // "ml/raw"
 * t.toString();       // "persistent://ml/raw/sensor-input"
 * }</pre>
 *
 * @param domain    {@code persistent} or {@code non-persistent}
 * @param tenant    the tenant, such as {@code ml}
 * @param namespace the namespace within the tenant, such as {@code raw}
 * @param local     the topic's own name, such as {@code sensor-input}
 */
public record TopicName(String domain, String tenant, String namespace, String local) {
  public TopicName {
    Objects.requireNonNull(domain, "domain");
    if (!TopicRules.DOMAINS.contains(domain)) {
      throw new IllegalArgumentException("topic domain '" + domain + "' is neither persistent nor non-persistent");
    }
    for (String part : new String[] {tenant, namespace, local}) {
      String reason = TopicRules.segmentProblem(Objects.requireNonNull(part, "tenant, namespace and local"));
      if (reason != null) {
        throw new IllegalArgumentException("topic " + domain + "://" + tenant + "/" + namespace + "/" + local
            + " " + reason);
      }
    }
  }

  /**
   * Reads a full topic name.
   *
   * @throws IllegalArgumentException naming the text, what is wrong with it and the expected form
   */
  public static TopicName parse(String text) {
    Objects.requireNonNull(text, "text");
    String reason = TopicRules.problem(text);
    if (reason != null) {
      throw new IllegalArgumentException("topic '" + text + "' " + reason);
    }
    int sep = text.indexOf("://");
    String[] parts = text.substring(sep + 3).split("/", -1);
    return new TopicName(text.substring(0, sep), parts[0], parts[1], parts[2]);
  }

  /** The namespace as Pulsar's admin API names it: {@code tenant/namespace}. */
  public String namespaceName() {
    return tenant + "/" + namespace;
  }

  /** The full name, such as {@code persistent://ml/raw/sensor-input}; {@link #parse} reads it back. */
  @Override
  public String toString() {
    return domain + "://" + tenant + "/" + namespace + "/" + local;
  }
}
