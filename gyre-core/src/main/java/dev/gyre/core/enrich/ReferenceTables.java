package dev.gyre.core.enrich;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The reference tables of a plan, one per topic, shared by every stage instance that reads it. Stages
 * hold the views {@link #table} gives from the start; a runtime {@link #bind}s each to its backing
 * table (a Pulsar table view, an in-memory table) before the stages receive events. A lookup in a
 * table that is not bound throws {@link IllegalStateException}, which a runtime dead-letters as
 * {@code stage-error}: a runtime without reference tables never passes events on as if rows were
 * missing. Thread-safe.
 */
public final class ReferenceTables {
  private static final ReferenceTables NONE = new ReferenceTables(List.of());
  private final Map<String, Slot> slots = new LinkedHashMap<>();

  /** @param topics the tables' topics; duplicates are ignored */
  public ReferenceTables(Collection<String> topics) {
    topics.forEach(topic -> slots.putIfAbsent(topic, new Slot(topic)));
  }

  /** A plan without reference tables. */
  public static ReferenceTables none() {
    return NONE;
  }

  /** The tables' topics, in the order of the spec. */
  public Set<String> topics() {
    return slots.keySet();
  }

  /** The view stages read {@code topic}'s table through; it follows {@link #bind}. */
  public ReferenceTable table(String topic) {
    return slot(topic);
  }

  /** Makes {@code topic}'s view read {@code backing} from now on. */
  public void bind(String topic, ReferenceTable backing) {
    slot(topic).backing = Objects.requireNonNull(backing, "backing");
  }

  /** Whether {@code topic}'s view has a backing table. */
  public boolean bound(String topic) {
    return slot(topic).backing != null;
  }

  private Slot slot(String topic) {
    Slot slot = slots.get(topic);
    if (slot == null) {
      throw new IllegalArgumentException("no reference table on " + topic + "; tables: " + slots.keySet());
    }
    return slot;
  }

  private static final class Slot implements ReferenceTable {
    private final String topic;
    private volatile ReferenceTable backing;

    Slot(String topic) {
      this.topic = topic;
    }

    @Override
    public JsonNode get(String key) {
      ReferenceTable table = backing;
      if (table == null) {
        throw new IllegalStateException("the reference table " + topic + " is not loaded: this runtime does not "
            + "back reference tables (enrich); run the pipeline with gyre run");
      }
      return table.get(key);
    }
  }
}
