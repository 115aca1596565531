package dev.gyre.core.driver;

import dev.gyre.api.InputRecord;
import dev.gyre.api.Outcome;
import dev.gyre.api.Stage;
import dev.gyre.api.StageContext;
import dev.gyre.core.enrich.InMemoryReferenceTable;
import dev.gyre.core.plan.PipelinePlan;
import dev.gyre.core.plan.StagePlan;
import java.time.Clock;
import dev.gyre.core.event.Rejection;
import dev.gyre.spec.FeatureStageSpec;
import dev.gyre.spec.StageSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Pushes records through every stage of a plan, synchronously, in the calling thread. Keeps what
 * reached each topic (outputs and dead letters; late events of a window stage with a {@code late}
 * topic go there) so tests can read them back. One stage instance
 * per stage; not thread-safe.
 *
 * <p>Reference tables ({@code enrich}) that are not bound yet are bound to in-memory tables, empty at
 * first: {@link #referenceTable} gives them, to put and remove rows between sends.
 */
public final class PipelineDriver implements AutoCloseable {

  /** A record as it reached a topic. */
  public record Record(String key, byte[] value) {}

  /** What became of one input: it came out of the last stage, or a stage dead-lettered it. */
  public sealed interface Result permits Delivered, DeadLettered {}

  public record Delivered(String key, byte[] value) implements Result {}

  public record DeadLettered(String stage, String reason, String detail) implements Result {}

  private final List<StagePlan> plans;
  private final List<Stage> stages = new ArrayList<>();
  private final Map<String, List<Record>> topics = new LinkedHashMap<>();
  /** Per stage with {@code windows.late} set to a topic: where its late events go. */
  private final Map<String, String> lateTopics = new HashMap<>();
  private final Map<String, InMemoryReferenceTable> tables = new HashMap<>();

  public PipelineDriver(PipelinePlan plan, Clock clock) {
    this.plans = plan.stages();
    for (String topic : plan.referenceTables().topics()) {
      if (!plan.referenceTables().bound(topic)) {
        InMemoryReferenceTable table = new InMemoryReferenceTable();
        plan.referenceTables().bind(topic, table);
        tables.put(topic, table);
      }
    }
    for (StageSpec spec : plan.spec().stages()) {
      if (spec instanceof FeatureStageSpec f && f.windows() != null && f.windows().lateTopic() != null) {
        lateTopics.put(f.name(), f.windows().lateTopic());
      }
    }
    for (StagePlan stagePlan : plans) {
      Stage stage = stagePlan.factory().get();
      stage.init(StageContext.of(plan.spec().name(), stagePlan.name(), 0, clock));
      stages.add(stage);
    }
  }

  /** Sends one record into the source topic and through every stage. */
  public Result send(String key, byte[] value) {
    for (int i = 0; i < stages.size(); i++) {
      StagePlan plan = plans.get(i);
      Outcome outcome;
      try {
        outcome = stages.get(i).process(InputRecord.of(key, value));
      } catch (RuntimeException e) {
        outcome = Outcome.deadLetter("stage-error", e.getClass().getSimpleName() + ": " + e.getMessage());
      }
      if (outcome instanceof Outcome.DeadLetter dead) {
        boolean late = Rejection.LATE_EVENT.equals(dead.reason()) && lateTopics.containsKey(plan.name());
        topic(late ? lateTopics.get(plan.name()) : plan.deadLetterTopic()).add(new Record(key, value));
        return new DeadLettered(plan.name(), dead.reason(), dead.detail());
      }
      Outcome.Emit emit = (Outcome.Emit) outcome;
      key = emit.key() != null ? emit.key() : key;
      value = emit.value();
      topic(plan.outputTopic()).add(new Record(key, value));
    }
    return new Delivered(key, value);
  }

  /**
   * The in-memory reference table this driver bound for {@code topic}; rows put or removed apply to
   * the next event sent.
   *
   * @throws IllegalArgumentException when no {@code enrich} entry reads {@code topic}, or it was bound
   *                                  before this driver was made
   */
  public InMemoryReferenceTable referenceTable(String topic) {
    InMemoryReferenceTable table = tables.get(topic);
    if (table == null) {
      throw new IllegalArgumentException("no in-memory reference table on " + topic + "; this driver's tables: "
          + tables.keySet());
    }
    return table;
  }

  /** Everything that reached {@code topic} so far, in order. */
  public List<Record> readTopic(String topic) {
    return List.copyOf(topics.getOrDefault(topic, List.of()));
  }

  private List<Record> topic(String name) {
    return topics.computeIfAbsent(name, k -> new ArrayList<>());
  }

  @Override
  public void close() {
    stages.forEach(Stage::close);
  }
}
