package dev.gyre.spec;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The {@code windows} block of a features stage: per-key aggregates on event time, computed before
 * the stage's formulas, which may use them.
 *
 * @param timeField       the field holding the event time (checked to be a number by the planner)
 * @param timeUnit        the unit of that field
 * @param allowedLateness how far behind the key's latest event time an event may be and still count
 * @param lateTopic       where late events go: a topic, or null for the stage's dead-letter topic
 * @param aggregates      the aggregates, at least one, names unique
 */
public record WindowSpec(String timeField, EventTimeUnit timeUnit, Duration allowedLateness, String lateTopic,
    List<AggregateSpec> aggregates) {
  public WindowSpec {
    Objects.requireNonNull(timeField, "timeField");
    Objects.requireNonNull(timeUnit, "timeUnit");
    Objects.requireNonNull(allowedLateness, "allowedLateness");
    aggregates = List.copyOf(aggregates);
    if (allowedLateness.isNegative() || aggregates.isEmpty()) {
      throw new IllegalArgumentException("windows need a lateness of 0 or more and an aggregate: " + aggregates);
    }
    if (aggregates.stream().map(AggregateSpec::name).distinct().count() != aggregates.size()) {
      throw new IllegalArgumentException("windows repeat an aggregate name: " + aggregates);
    }
  }
}
