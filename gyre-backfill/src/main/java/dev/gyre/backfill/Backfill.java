package dev.gyre.backfill;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gyre.api.InputRecord;
import dev.gyre.api.Outcome;
import dev.gyre.api.SpecException;
import dev.gyre.api.SpecProblem;
import dev.gyre.api.Stage;
import dev.gyre.api.StageContext;
import dev.gyre.core.event.EventCodec;
import dev.gyre.core.plan.ModelLoader;
import dev.gyre.core.plan.PipelinePlan;
import dev.gyre.core.plan.PipelinePlanner;
import dev.gyre.core.plan.StagePlan;
import dev.gyre.core.window.StatefulStage;
import dev.gyre.spec.FeatureStageSpec;
import dev.gyre.spec.FieldSpec;
import dev.gyre.spec.ScoreStageSpec;
import dev.gyre.spec.SpecDocument;
import dev.gyre.spec.StageSpec;
import dev.gyre.spec.WindowSpec;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Runs a source's events, in source order, through a spec's stages up to one of them, with the
 * stage code that runs online (one instance per stage, as a stage host with parallelism 1; a window
 * stage gets each event's source position, as {@code StageRunner} passes it), and hands on one
 * {@link Row} per event that came through, or one {@link DeadLetter} per event a stage rejected.
 *
 * <p>Point in time: a window stage applies each event before reading its aggregates, and never sees
 * a later event of the key first, so every row's features are as of its event. A label joins the row
 * whose id it names. Not thread-safe; one run per instance.
 */
public final class Backfill implements AutoCloseable {
  /** One event's training row: its id, key, event time (epoch ms, -1 unknown), the stages' output, its label or null. */
  public record Row(String eventId, String key, long eventTimeMillis, ObjectNode event, String label) {}

  /** An event a stage rejected, with the reason code online would have used. */
  public record DeadLetter(String eventId, String stage, String reason, String detail, byte[] payload) {}

  /** What a run did: events read, rows written, rows with a label, and dead letters by "stage: reason". */
  public record Summary(long events, long rows, long labelled, Map<String, Long> deadLetters) {
    public long deadLettered() {
      return deadLetters.values().stream().mapToLong(Long::longValue).sum();
    }
  }

  private final PipelinePlan plan;
  private final List<Stage> stages = new ArrayList<>();
  private final WindowSpec windows;

  private Backfill(PipelinePlan plan) {
    this.plan = plan;
    WindowSpec first = null;
    for (StagePlan stagePlan : plan.stages()) {
      Stage stage = stagePlan.factory().get();
      stage.init(StageContext.of(plan.spec().name(), stagePlan.name(), 0, Clock.systemUTC()));
      stages.add(stage);
      StageSpec spec = plan.spec().stages().stream().filter(s -> s.name().equals(stagePlan.name())).findFirst()
          .orElseThrow();
      if (first == null && spec instanceof FeatureStageSpec f && f.windows() != null) {
        first = f.windows();
      }
    }
    this.windows = first;
  }

  /**
   * Plans the spec up to and including {@code stageName}, or, when null, every stage before the first
   * score stage. Models of planned score stages load with {@code models}.
   *
   * @throws SpecException naming {@code --stage} when the stage is unknown or nothing would run
   */
  public static Backfill of(SpecDocument document, String stageName, ModelLoader models) {
    List<StageSpec> all = document.spec().stages();
    int count = 0;
    if (stageName == null) {
      while (count < all.size() && !(all.get(count) instanceof ScoreStageSpec)) {
        count++;
      }
    } else {
      count = all.stream().map(StageSpec::name).toList().indexOf(stageName) + 1;
    }
    if (count == 0) {
      throw new SpecException(new SpecProblem("--stage", 0, stageName, stageName == null
          ? "was not given and the spec's first stage is a score stage; name the stage to stop after"
          : "is not a stage of the spec; stages: " + all.stream().map(StageSpec::name).toList()));
    }
    return new Backfill(new PipelinePlanner(models).plan(document, count));
  }

  /** The fields of each row's event: the source's plus every planned stage's, in schema order. */
  public List<FieldSpec> fields() {
    return plan.stages().get(plan.stages().size() - 1).outputFields();
  }

  /** The stages that run, in order. */
  public List<String> stageNames() {
    return plan.stages().stream().map(StagePlan::name).toList();
  }

  /**
   * Runs every event of {@code source}.
   *
   * @param idField a field of the output event whose value is the event's id for joining labels, or
   *                null to use the source's id (the message id, or the line number)
   */
  public Summary run(EventSource source, Labels labels, String idField, Consumer<Row> rows,
      Consumer<DeadLetter> deadLetters) {
    long[] counts = new long[3];
    Map<String, Long> dead = new TreeMap<>();
    source.forEach(event -> {
      counts[0]++;
      String key = event.key();
      byte[] value = event.value();
      InputRecord record = new InputRecord(key, value, Math.max(0, event.eventTimeMillis()), Map.of());
      for (int i = 0; i < stages.size(); i++) {
        Outcome outcome = process(stages.get(i), record, event.position());
        if (outcome instanceof Outcome.DeadLetter d) {
          String stage = plan.stages().get(i).name();
          dead.merge(stage + ": " + d.reason(), 1L, Long::sum);
          deadLetters.accept(new DeadLetter(event.id(), stage, d.reason(), d.detail(), value));
          return;
        }
        Outcome.Emit emit = (Outcome.Emit) outcome;
        key = emit.key() != null ? emit.key() : key;
        value = emit.value();
        record = new InputRecord(key, value, record.eventTimeMillis(), Map.of());
      }
      ObjectNode out = decode(value);
      String id = idField == null ? event.id() : text(out.get(idField));
      String label = id == null ? null : labels.of(id);
      counts[1]++;
      counts[2] += label == null ? 0 : 1;
      rows.accept(new Row(id == null ? "" : id, key, eventTime(out, event), out, label));
    });
    return new Summary(counts[0], counts[1], counts[2], dead);
  }

  private static Outcome process(Stage stage, InputRecord record, long position) {
    try {
      return stage instanceof StatefulStage stateful ? stateful.process(record, position) : stage.process(record);
    } catch (RuntimeException e) {
      return Outcome.deadLetter("stage-error", e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }

  /** The window stage's event time when there is one (what its windows used), else the source's. */
  private long eventTime(ObjectNode out, SourceEvent event) {
    JsonNode t = windows == null ? null : out.get(windows.timeField());
    return t != null && t.isNumber() ? (long) Math.floor(t.doubleValue() * windows.timeUnit().millis())
        : event.eventTimeMillis();
  }

  private static String text(JsonNode v) {
    return v == null || v.isNull() ? null : v.isTextual() ? v.textValue() : v.toString();
  }

  private static ObjectNode decode(byte[] value) {
    try {
      return (ObjectNode) EventCodec.mapper().readTree(value);
    } catch (IOException e) {
      throw new IllegalStateException("a stage emitted an event that is not JSON", e);
    }
  }

  @Override
  public void close() {
    stages.forEach(Stage::close);
    plan.close();
  }
}
