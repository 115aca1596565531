package dev.gyre.spec.internal;

import static dev.gyre.spec.internal.Option.Kind.BOOLEAN;
import static dev.gyre.spec.internal.Option.Kind.FIELD;
import static dev.gyre.spec.internal.Option.Kind.LIST;
import static dev.gyre.spec.internal.Option.Kind.MAP;
import static dev.gyre.spec.internal.Option.Kind.NAME;
import static dev.gyre.spec.internal.Option.Kind.TEXT;
import static dev.gyre.spec.internal.Option.Kind.TOPIC;

import dev.gyre.spec.ErrorPolicy;
import dev.gyre.spec.FieldType;
import dev.gyre.spec.SchemaFormat;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/** Every key a spec may hold, in reference order. The only place defaults and docs are written. */
public final class SpecKeys {
  /** The form of pipeline and stage names, which end up in subscription and function names. */
  public static final String NAMES = "[a-z0-9][a-z0-9-]*";
  private static final String NAME_FORM = "`" + NAMES + "`";
  private static final String TOPICS = "`persistent://tenant/namespace/topic` or `non-persistent://...`";

  public static final Option NAME_KEY = Option.of("name", NAME, true, NAME_FORM, "sensor",
      "The pipeline's name; used in subscription and function names, so keep it stable.");
  public static final Option DESCRIPTION = Option.of("description", TEXT, false, "any text", null,
      "Free text for people reading the spec.");
  public static final Option KEY = Option.of("key", TEXT, false, "a field of `source.schema.fields`", null,
      "The field whose value keys events: events with the same key are processed in order. Unkeyed when absent.");
  public static final Option SOURCE = Option.of("source", MAP, true, "topic, schema", null,
      "Where events come from.");
  public static final Option SOURCE_TOPIC = Option.of("source.topic", TOPIC, true, TOPICS,
      "persistent://ml/raw/sensor-input", "The full name of the topic the first stage reads.");
  public static final Option SCHEMA = Option.of("source.schema", MAP, true, "format, maxMessageBytes, fields",
      null, "The shape of the source events.");
  public static final Option SCHEMA_FORMAT = Option.choice("source.schema.format", "json",
      names(SchemaFormat.values(), SchemaFormat::yamlName),
      "How events are encoded. `avro` is reserved for a later version.");
  public static final Option MAX_MESSAGE_BYTES = Option.integer("source.schema.maxMessageBytes",
      1_048_576, 1, 5_242_880, "The largest event accepted, in bytes; larger events are dead-lettered.");
  public static final Option FIELDS = Option.of("source.schema.fields", MAP, true, "at least one field",
      null, "The event's fields, by name. Names must be identifiers, as formulas refer to them.");
  public static final Option FIELD_ENTRY = Option.of("source.schema.fields.<name>", FIELD, true,
      "a field type, or a map with type and required", "double",
      "Short form `temp: double` declares a required field; long form `site: {type: string, required: false}`.");
  public static final Option FIELD_TYPE = Option.choice("source.schema.fields.<name>.type", null,
      names(FieldType.values(), FieldType::yamlName), "The field's type (long form).");
  public static final Option FIELD_REQUIRED = Option.defaulted("source.schema.fields.<name>.required",
      BOOLEAN, "true", "true, false", "Whether an event without this field is dead-lettered (long form).");
  public static final Option STAGES = Option.of("stages", LIST, true, "at least one stage", null,
      "The stages, run in order: each reads the previous stage's output, the first reads `source.topic`.");
  public static final Option STAGE_NAME = Option.of("stages[].name", NAME, true, NAME_FORM + ", unique",
      "transform", "The stage's name, unique in the pipeline.");
  public static final Option STAGE_TYPE = Option.choice("stages[].type", null, List.of("features", "score"),
      "`features` adds computed features to each event; `score` scores each event with a model.");
  public static final Option OUTPUT = Option.of("stages[].output", TOPIC, true, TOPICS + "; not an input",
      "persistent://ml/features/sensor-transformed",
      "The topic the stage writes to; neither the source topic nor another stage's output.");
  public static final Option DEAD_LETTER = Option.of("stages[].deadLetterTopic", TOPIC, false,
      TOPICS + "; not an output", null,
      "Where rejected events go, with the reason. Defaults to the output with `-dlq` appended.");
  public static final Option PARALLELISM = Option.integer("stages[].parallelism", 1, 1, 64,
      "How many instances of the stage run side by side; per-key order holds at any parallelism.");
  public static final Option ON_ERROR = Option.choice("stages[].onError", "dead-letter",
      names(ErrorPolicy.values(), ErrorPolicy::yamlName),
      "What to do with an event the stage cannot process: dead-letter it and go on, or stop the stage.");
  public static final Option FEATURES = Option.of("stages[].features", LIST, false,
      "lines `name = expression`", "[temp_scaled = (temp - 20) / 10]",
      "Required for type `features`, at least one. Evaluated in order; a feature may use earlier ones.");
  public static final Option MODEL = Option.of("stages[].model", MAP, false,
      "name, version, format, path, inputs, registry",
      null, "Required for type `score`: the model to serve.");
  public static final Option MODEL_NAME = Option.of("stages[].model.name", TEXT, true, "any text",
      "sensor-warming", "The model's name.");
  public static final Option MODEL_VERSION = Option.defaulted("stages[].model.version", TEXT, "1", "any text",
      "The version served; carried by every prediction. Quote it: `\"1\"`.");
  public static final Option MODEL_FORMAT = Option.defaulted("stages[].model.format", TEXT, "onnx",
      "a format with an installed model provider", "The model format.");
  public static final Option MODEL_PATH = Option.of("stages[].model.path", TEXT, true, "a file path",
      "model/sensor-warming.onnx", "The model file; a relative path is resolved against the spec file's directory.");
  public static final Option MODEL_INPUTS = Option.of("stages[].model.inputs", LIST, true,
      "feature names, unique", "[temp_scaled, hour_sin, hour_cos]",
      "The features the model takes, in the order it takes them.");
  public static final Option MODEL_REGISTRY = Option.of("stages[].model.registry", TEXT, false,
      "a Pulsar namespace `tenant/namespace`", "ml/models",
      "The model registry to follow (`gyre model push`, `promote`, `rollback`, `canary`): the stage serves its "
          + "champion and picks up promotions while it runs. Without a registry, or until it has a champion, "
          + "`path` serves.");
  public static final Option FEEDBACK = Option.of("feedback", MAP, false, "topic", null,
      "Where labelled outcomes arrive, to measure the model. None when absent.");
  public static final Option FEEDBACK_TOPIC = Option.of("feedback.topic", TOPIC, true, TOPICS,
      "persistent://ml/feedback/model-accuracy", "The full name of the feedback topic.");
  public static final Option RUNTIME = Option.of("runtime", MAP, false,
      "batchDelay, receiverQueueSize, maxPendingMessages, microBatchEvents, microBatchWait", null,
      "Client and stage tuning; every key has a default.");
  public static final Option BATCH_DELAY = Option.duration("runtime.batchDelay", "1ms", "1s",
      "How long a producer waits to batch messages; lower means less latency, higher more throughput.");
  public static final Option RECEIVER_QUEUE = Option.integer("runtime.receiverQueueSize", 1000, 1, 100_000,
      "How many messages each consumer prefetches.");
  public static final Option MAX_PENDING = Option.integer("runtime.maxPendingMessages", 10_000, 1, 1_000_000,
      "How many messages each producer may have in flight before sends wait.");
  public static final Option MICRO_BATCH_EVENTS = Option.integer("runtime.microBatchEvents", 256, 1, 10_000,
      "The most events a stage handles in one call; a score stage scores them in one model call. "
          + "1 turns micro-batching off.");
  public static final Option MICRO_BATCH_WAIT = Option.duration("runtime.microBatchWait", "0", "100ms",
      "How long a stage may wait for more events to fill a micro-batch. 0: only the events that have "
          + "already arrived, so an idle pipeline adds no delay and batches grow with the load.");

  /** Every key, in the order of the reference. */
  public static final List<Option> ALL = List.of(NAME_KEY, DESCRIPTION, KEY, SOURCE, SOURCE_TOPIC, SCHEMA,
      SCHEMA_FORMAT, MAX_MESSAGE_BYTES, FIELDS, FIELD_ENTRY, FIELD_TYPE, FIELD_REQUIRED, STAGES, STAGE_NAME,
      STAGE_TYPE, OUTPUT, DEAD_LETTER, PARALLELISM, ON_ERROR, FEATURES, MODEL, MODEL_NAME, MODEL_VERSION,
      MODEL_FORMAT, MODEL_PATH, MODEL_INPUTS, MODEL_REGISTRY, FEEDBACK, FEEDBACK_TOPIC, RUNTIME, BATCH_DELAY, RECEIVER_QUEUE,
      MAX_PENDING, MICRO_BATCH_EVENTS, MICRO_BATCH_WAIT);

  private SpecKeys() {}

  /** The keys allowed in the map at {@code parent} (a path as in {@link Option#path}), in order. */
  public static List<Option> childrenOf(String parent) {
    return ALL.stream().filter(o -> o.parent().equals(parent)).toList();
  }

  private static <E> List<String> names(E[] values, Function<E, String> name) {
    return Arrays.stream(values).map(name).toList();
  }
}
