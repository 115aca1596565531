package dev.gyre.spec.internal;

import static dev.gyre.spec.internal.SpecKeys.*;

import dev.gyre.api.SpecProblem;
import dev.gyre.spec.FeedbackSpec;
import dev.gyre.spec.FieldSpec;
import dev.gyre.spec.FieldType;
import dev.gyre.spec.PipelineSpec;
import dev.gyre.spec.RuntimeSpec;
import dev.gyre.spec.SchemaFormat;
import dev.gyre.spec.SchemaSpec;
import dev.gyre.spec.SinkSpec;
import dev.gyre.spec.SourceSpec;
import dev.gyre.spec.SpecDocument;
import dev.gyre.spec.StageSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Reads a whole spec: the top-level keys, the source and its schema, runtime here;
 * stages in {@link StageReader}; feedback in {@link FeedbackReader}; sinks in {@link SinkReader};
 * checks across sections in {@link TopicChecks}. Every part is read even after a problem, and
 * records are built only from parts that had none.
 */
public final class SpecReader {
  private final Problems problems;
  /** The field names declared, even when the source has other problems, to check {@code key}. */
  private final List<String> declaredFields = new ArrayList<>();

  private SpecReader(Problems problems) {
    this.problems = problems;
  }

  /**
   * Reads {@code yaml} into a document, or throws a {@link dev.gyre.api.SpecException} with every problem.
   *
   * @param baseDir the directory relative model paths are resolved against, or null to keep them as written
   * @param file    the file the text came from, or null
   */
  public static SpecDocument read(String yaml, Path baseDir, Path file) {
    MappingNode root = YamlTree.compose(yaml);
    Problems problems = new Problems(YamlTree.index(root));
    PipelineSpec spec = new SpecReader(problems).pipeline(YamlMap.read("", root, "", problems), baseDir);
    problems.throwIfAny();
    return new SpecDocument(spec, file, problems.locations());
  }

  private PipelineSpec pipeline(YamlMap top, Path baseDir) {
    String name = top.name(NAME_KEY);
    String description = top.text(DESCRIPTION);
    String key = top.text(KEY);
    YamlMap source = top.map(SOURCE, true);
    SourceSpec sourceSpec = source == null ? null : source(source);
    List<Node> stageNodes = top.list(STAGES, true);
    List<StageReader.Draft> drafts = stageNodes == null ? List.of() : new StageReader(problems, baseDir).read(stageNodes);
    FeedbackSpec feedback = top.has(FEEDBACK)
        ? new FeedbackReader(problems, declaredFields).read(top.map(FEEDBACK, true), drafts) : null;
    RuntimeSpec runtime = runtime(top.map(RUNTIME, false));

    if (key != null && !declaredFields.isEmpty() && !declaredFields.contains(key)) {
      problems.add(top.path(KEY), "is not a field of source.schema.fields (" + String.join(", ", declaredFields)
          + ")" + Suggest.clause(key, declaredFields));
    }
    String sourceTopic = source == null ? null : source.raw(SOURCE_TOPIC);
    TopicChecks.check(sourceTopic, drafts, problems);
    List<SinkSpec> sinks = top.has(SINKS)
        ? new SinkReader(problems, sourceTopic, drafts).read(top.list(SINKS, false)) : List.of();
    if (problems.count() > 0) {
      return null;
    }
    List<StageSpec> stages = drafts.stream().map(StageReader.Draft::stage).toList();
    return new PipelineSpec(name, description, key, sourceSpec, stages, feedback, runtime, sinks);
  }

  private SourceSpec source(YamlMap source) {
    int before = problems.count();
    String topic = source.topic(SOURCE_TOPIC);
    YamlMap schema = source.map(SCHEMA, true);
    if (schema == null) {
      return null;
    }
    SchemaFormat format = null;
    if ("avro".equals(schema.raw(SCHEMA_FORMAT))) {
      problems.add(schema.path(SCHEMA_FORMAT), "is not supported yet; use json");
    } else {
      String text = schema.choice(SCHEMA_FORMAT);
      format = text == null ? null : Values.byYamlName(SchemaFormat.values(), SchemaFormat::yamlName, text);
    }
    Integer maxBytes = schema.integer(MAX_MESSAGE_BYTES);
    List<FieldSpec> fields = fields(schema.map(FIELDS, true));
    return problems.count() > before ? null : new SourceSpec(topic, new SchemaSpec(format, fields, maxBytes));
  }

  private List<FieldSpec> fields(YamlMap fields) {
    List<FieldSpec> result = new ArrayList<>();
    if (fields == null) {
      return result;
    }
    if (fields.entries().isEmpty()) {
      problems.add(fields.path(), "has no fields; declare at least one, such as 'temp: double'");
    }
    for (Map.Entry<String, Node> entry : fields.entries().entrySet()) {
      String name = entry.getKey();
      declaredFields.add(name);
      String path = YamlTree.child(fields.path(), name);
      try {
        Values.identifier(name, "field name");
      } catch (IllegalArgumentException e) {
        problems.add(new SpecProblem(path, problems.locations().lineOf(path), name, e.getMessage()));
      }
      int before = problems.count();
      String type = null;
      boolean required = true;
      Node node = entry.getValue();
      if (YamlTree.isScalar(node)) {
        try {
          type = Values.choice(((ScalarNode) node).getValue(), FIELD_TYPE.choices());
        } catch (IllegalArgumentException e) {
          problems.add(path, e.getMessage());
        }
      } else if (YamlTree.isNull(node)) {
        problems.add(path, "needs a type; write 'name: type', such as 'temp: double'");
      } else if (!(node instanceof MappingNode)) {
        problems.add(path, "is " + YamlTree.kind(node) + " where a type, or a map with type and required, "
            + "is expected; write 'name: type', such as 'temp: double'");
      } else {
        YamlMap longForm = YamlMap.read(path, node, FIELD_ENTRY.path(), problems);
        type = longForm == null ? null : longForm.choice(FIELD_TYPE);
        required = longForm == null || longForm.bool(FIELD_REQUIRED) != Boolean.FALSE;
      }
      if (problems.count() == before) {
        result.add(new FieldSpec(name, Values.byYamlName(FieldType.values(), FieldType::yamlName, type), required));
      }
    }
    return result;
  }

  private RuntimeSpec runtime(YamlMap runtime) {
    if (runtime == null) {
      return null;
    }
    int before = problems.count();
    var batchDelay = runtime.duration(BATCH_DELAY);
    Integer receiverQueueSize = runtime.integer(RECEIVER_QUEUE);
    Integer maxPendingMessages = runtime.integer(MAX_PENDING);
    Integer microBatchEvents = runtime.integer(MICRO_BATCH_EVENTS);
    var microBatchWait = runtime.duration(MICRO_BATCH_WAIT);
    return problems.count() > before ? null
        : new RuntimeSpec(batchDelay, receiverQueueSize, maxPendingMessages, microBatchEvents, microBatchWait);
  }
}
