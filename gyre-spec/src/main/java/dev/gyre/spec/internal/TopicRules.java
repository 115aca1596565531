package dev.gyre.spec.internal;

import java.util.List;
import java.util.regex.Pattern;

/** The form of a full Pulsar topic name, as {@link dev.gyre.spec.TopicName} and the loader check it. */
public final class TopicRules {
  /** The expected form, as problem texts show it. */
  public static final String FORM = "persistent://tenant/namespace/topic (or non-persistent://tenant/namespace/topic)";
  /** The two domains a topic name may start with. */
  public static final List<String> DOMAINS = List.of("persistent", "non-persistent");
  private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9._-]+");

  private TopicRules() {}

  /** Why {@code text} is not a full topic name, phrased to follow "but it"; or null when it is one. */
  public static String problem(String text) {
    int sep = text.indexOf("://");
    if (sep < 0) {
      return "is not a full topic name; use the form " + FORM;
    }
    String domain = text.substring(0, sep);
    if (!DOMAINS.contains(domain)) {
      return "has the domain '" + domain + "' where persistent or non-persistent is expected; use the form " + FORM;
    }
    String[] parts = text.substring(sep + 3).split("/", -1);
    if (parts.length != 3) {
      return "has " + parts.length + (parts.length == 1 ? " part" : " parts") + " after '" + domain
          + "://' but needs tenant, namespace and topic; use the form " + FORM;
    }
    for (String part : parts) {
      String reason = segmentProblem(part);
      if (reason != null) {
        return reason + "; use the form " + FORM;
      }
    }
    return null;
  }

  /** Why {@code text} is not a namespace {@code tenant/namespace}, phrased to follow "but it"; or null when it is one. */
  public static String namespaceProblem(String text) {
    String[] parts = text.split("/", -1);
    if (parts.length != 2) {
      return "is not a Pulsar namespace; use the form tenant/namespace, such as ml/models";
    }
    for (String part : parts) {
      String reason = segmentProblem(part);
      if (reason != null) {
        return reason + "; use the form tenant/namespace, such as ml/models";
      }
    }
    return null;
  }

  /** Why one of tenant, namespace and topic is invalid, or null when it is valid. */
  public static String segmentProblem(String part) {
    if (part.isEmpty()) {
      return "has an empty part";
    }
    if (!SEGMENT.matcher(part).matches()) {
      return "has the part '" + part + "', which may only hold letters, digits, '.', '_' and '-'";
    }
    return null;
  }
}
