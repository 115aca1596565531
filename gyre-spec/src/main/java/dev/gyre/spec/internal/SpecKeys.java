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
  public static final Option WINDOWS = Option.of("stages[].windows", MAP, false,
      "time, timeUnit, allowedLateness, late, aggregates", null,
      "Optional for type `features`: per-key aggregates on event time, computed before `features`, which may "
          + "use them. See \"Window features and state\" in docs/architecture.md.");
  public static final Option WINDOW_TIME = Option.of("stages[].windows.time", TEXT, true,
      "a required number field", "ts", "The field holding the event time; windows and lateness follow it, not the clock.");
  public static final Option WINDOW_TIME_UNIT = Option.choice("stages[].windows.timeUnit", "ms", List.of("ms", "s"),
      "The unit of `time`: epoch milliseconds or epoch seconds (a fraction is kept to the millisecond).");
  public static final Option ALLOWED_LATENESS = new Option("stages[].windows.allowedLateness", Option.Kind.DURATION,
      false, "0", "0 to 7d; units ms, s, m, h, d", 0, java.time.Duration.ofDays(7).toNanos(), List.of(), null,
      "How far an event may be behind the latest event time of its key and still count; older events are late.");
  public static final Option LATE = Option.defaulted("stages[].windows.late", TEXT, "dead-letter",
      "`dead-letter` or a topic", "Where late events go, unchanged, with reason `late-event`: the stage's "
          + "dead-letter topic, or this topic.");
  public static final Option AGGREGATES = Option.of("stages[].windows.aggregates", LIST, true,
      "lines `name = function(field) [over SIZE [every STEP | tumbling]]`", "[tx_1h = count() over 1h]",
      "Computed per key with the current event included: count, sum, mean, min, max, stddev, distinct, last, "
          + "since_previous. Sizes use units ms, s, m, h, d; a sliding window keeps 60 buckets unless `every` says.");
  public static final Option ENRICH = Option.of("stages[].enrich", LIST, false,
      "maps with table, key, fields, prefix, missing, defaults", null,
      "Optional for type `features`: join each event with a row of a reference table held in a compacted topic, "
          + "before `windows` and `features`, which may use the added fields. See \"Enrichment\" in "
          + "docs/architecture.md.");
  public static final Option ENRICH_TABLE = Option.of("stages[].enrich[].table", TOPIC, true, TOPICS,
      "persistent://ml/reference/devices", "The compacted topic holding the table: a message's key is the row's "
          + "key, its value the row as a JSON object; an empty value deletes the row. Updates apply while the "
          + "pipeline runs.");
  public static final Option ENRICH_KEY = Option.of("stages[].enrich[].key", TEXT, true,
      "a string, int or long field reaching the stage", "deviceId",
      "The event field whose value, as text, is looked up as the row's key.");
  public static final Option ENRICH_FIELDS = Option.of("stages[].enrich[].fields", MAP, true,
      "at least one `name: type`", "{site: string, floor: long}",
      "The row's fields to add to the event, each with its type; later stages see them as required fields.");
  public static final Option ENRICH_FIELD_TYPE = Option.choice("stages[].enrich[].fields.<name>", null,
      names(FieldType.values(), FieldType::yamlName), "The type of the row's field; a value of another type "
          + "counts as missing.");
  public static final Option ENRICH_PREFIX = Option.of("stages[].enrich[].prefix", TEXT, false,
      "letters, digits and `_`", "device_", "Prepended to each field's name in the event. None when absent.");
  public static final Option ENRICH_MISSING = Option.choice("stages[].enrich[].missing", "dead-letter",
      List.of("dead-letter", "defaults"), "What an event whose key has no row gets: dead-lettered with reason "
          + "`missing-reference`, or each field's default (`defaults` required then).");
  public static final Option ENRICH_DEFAULTS = Option.of("stages[].enrich[].defaults", MAP, false,
      "`name: value` for fields of `fields`", "{site: unknown}",
      "The value a field takes when the row is missing (with `missing: defaults`), lacks the field, or holds "
          + "null or another type. Without a default such an event is dead-lettered (`missing-reference`).");
  public static final Option ENRICH_DEFAULT = Option.of("stages[].enrich[].defaults.<name>", TEXT, false,
      "a value of the field's type", "unknown", "One field's default.");
  public static final Option MODEL = Option.of("stages[].model", MAP, false,
      "name, version, format, path, url, inputs, registry, remote",
      null, "Required for type `score`: the model to serve.");
  public static final Option MODEL_NAME = Option.of("stages[].model.name", TEXT, true, "any text",
      "sensor-warming", "The model's name.");
  public static final Option MODEL_VERSION = Option.defaulted("stages[].model.version", TEXT, "1", "any text",
      "The version served; carried by every prediction. Quote it: `\"1\"`.");
  public static final Option MODEL_FORMAT = Option.defaulted("stages[].model.format", TEXT, "onnx",
      "a format with an installed model provider", "The model format.");
  public static final Option MODEL_PATH = Option.of("stages[].model.path", TEXT, false, "a file path",
      "model/sensor-warming.onnx", "Required for every format but `kserve-v2`: the model file; a relative path is "
          + "resolved against the spec file's directory.");
  public static final Option MODEL_URL = Option.of("stages[].model.url", TEXT, false,
      "an `http://` or `https://` URL", "http://localhost:8000",
      "Required for format `kserve-v2`, and only there: the base URL of a model server that speaks the Open "
          + "Inference Protocol (KServe v2) over REST; Gyre calls `<url>/v2/models/<name>/infer`.");
  public static final Option MODEL_INPUTS = Option.of("stages[].model.inputs", LIST, true,
      "feature names, unique; or maps with name and missing", "[temp_scaled, hour_sin, hour_cos]",
      "The features the model takes, in the order it takes them. An event missing one is dead-lettered "
          + "(`model-input`) unless its long form `{name: humidity, missing: 0.5}` gives a value to use instead.");
  public static final Option MODEL_INPUT_NAME = Option.of("stages[].model.inputs[].name", TEXT, true,
      "a feature name", "humidity", "Long form of an input: the feature.");
  public static final Option MODEL_INPUT_MISSING = Option.defaulted("stages[].model.inputs[].missing", TEXT,
      "dead-letter", "`dead-letter` or a finite number",
      "Long form of an input: what an event without the feature (absent or null) gets: dead-lettered with "
          + "reason `model-input`, or scored with this number in its place.");
  public static final Option MODEL_REGISTRY = Option.of("stages[].model.registry", TEXT, false,
      "a Pulsar namespace `tenant/namespace`", "ml/models",
      "The model registry to follow (`gyre model push`, `promote`, `rollback`, `canary`): the stage serves its "
          + "champion and picks up promotions while it runs. Without a registry, or until it has a champion, "
          + "`path` serves.");
  public static final Option MODEL_REMOTE = Option.of("stages[].model.remote", MAP, false,
      "timeout, retries, backoff, maxConcurrency, circuitBreaker, fallback, labels", null,
      "Format `kserve-v2` only: how the model server is called; every key has a default. See \"Remote model "
          + "servers\" in docs/architecture.md.");
  public static final Option REMOTE_TIMEOUT = new Option("stages[].model.remote.timeout", Option.Kind.DURATION,
      false, "1s", "1ms to 60s; units ns, us, ms, s", 1_000_000L, 60_000_000_000L, List.of(), null,
      "How long one call to the server may take, connecting included; a slower call fails as a timeout.");
  public static final Option REMOTE_RETRIES = Option.integer("stages[].model.remote.retries", 2, 0, 10,
      "How often a failed call is tried again: after a connection error, a 5xx or a timeout only, never a 4xx.");
  public static final Option REMOTE_BACKOFF = Option.duration("stages[].model.remote.backoff", "50ms", "10s",
      "The wait before the first retry; each further retry waits twice as long, with random jitter of up to half.");
  public static final Option REMOTE_MAX_CONCURRENCY = Option.integer("stages[].model.remote.maxConcurrency", 4,
      1, 256, "How many calls may be in flight at once, over all instances of the stage in one process.");
  public static final Option REMOTE_CIRCUIT = Option.of("stages[].model.remote.circuitBreaker", MAP, false,
      "failures, coolDown", null, "When to stop calling a failing server for a while; every key has a default.");
  public static final Option REMOTE_CIRCUIT_FAILURES = Option.integer(
      "stages[].model.remote.circuitBreaker.failures", 5, 1, 1000,
      "How many failed attempts in a row open the circuit: calls then fail at once, without reaching the server.");
  public static final Option REMOTE_CIRCUIT_COOL_DOWN = new Option("stages[].model.remote.circuitBreaker.coolDown",
      Option.Kind.DURATION, false, "5s", "1ms to 3600s; units ns, us, ms, s", 1_000_000L, 3_600_000_000_000L,
      List.of(), null, "How long an open circuit waits before it lets one probe call through; the probe's "
          + "success closes it, its failure opens it again.");
  public static final Option REMOTE_FALLBACK = Option.defaulted("stages[].model.remote.fallback", TEXT,
      "dead-letter", "`dead-letter`, or a map with label and probability",
      "What a call that finally fails (or finds the circuit open) gives: dead-letter the events with reason "
          + "`model-error`, or this prediction, written with `model_version` `fallback`.");
  public static final Option REMOTE_FALLBACK_LABEL = Option.of("stages[].model.remote.fallback.label", TEXT, true,
      "any text", "\"0\"", "The label a fallback prediction carries.");
  public static final Option REMOTE_FALLBACK_PROBABILITY = Option.defaulted(
      "stages[].model.remote.fallback.probability", Option.Kind.NUMBER, "0", "a finite number",
      "The probability (for regression, the value) a fallback prediction carries.");
  public static final Option REMOTE_LABELS = Option.of("stages[].model.remote.labels", LIST, false,
      "class labels, unique, without commas", "[cold, warming]",
      "The labels of the probability columns, in order. Default: the server's model metadata `parameters.labels`, "
          + "else `0`, `1`, ...");
  public static final Option FEEDBACK = Option.of("feedback", MAP, false,
      "topic, idField, predictionIdField, labelField, horizon, positiveLabel, negativeLabel, evaluation, drift, "
          + "learning", null,
      "Where labelled outcomes arrive, and the learning loop that joins them to predictions, evaluates each model "
          + "version, watches for drift and learns. See \"Learning loop\" in docs/architecture.md. None when absent.");
  public static final Option FEEDBACK_TOPIC = Option.of("feedback.topic", TOPIC, true, TOPICS,
      "persistent://ml/feedback/outcomes", "The full name of the topic outcomes arrive on, as JSON objects.");
  public static final Option FEEDBACK_ID_FIELD = Option.defaulted("feedback.idField", TEXT, "event_id",
      "a field name", "The outcome field naming the event it resolves.");
  public static final Option FEEDBACK_PREDICTION_ID = Option.of("feedback.predictionIdField", TEXT, false,
      "a field of `source.schema.fields`", "txId",
      "The prediction field `idField` is matched to. When absent, the prediction's `gyre.event-id` property "
          + "(its source message id).");
  public static final Option FEEDBACK_LABEL_FIELD = Option.defaulted("feedback.labelField", TEXT, "label",
      "a field name", "The outcome field holding the true label (a string, number or boolean, compared as text).");
  public static final Option FEEDBACK_HORIZON = new Option("feedback.horizon", Option.Kind.DURATION, false, "1h",
      "1s to 30d; units ms, s, m, h, d", 1_000_000_000L, java.time.Duration.ofDays(30).toNanos(), List.of(), null,
      "How long after its prediction an outcome may come; later outcomes are counted `late`, and predictions "
          + "without one `expired`.");
  public static final Option FEEDBACK_POSITIVE = Option.defaulted("feedback.positiveLabel", TEXT, "1", "a label",
      "The class precision, recall and F1 are about; an online learner's positive class.");
  public static final Option FEEDBACK_NEGATIVE = Option.defaulted("feedback.negativeLabel", TEXT, "0",
      "a label other than `positiveLabel`", "An online learner's other class.");
  public static final Option EVALUATION = Option.of("feedback.evaluation", MAP, false, "topic, window, every", null,
      "Online evaluation per model version; every key has a default.");
  public static final Option EVALUATION_TOPIC = Option.of("feedback.evaluation.topic", TOPIC, false, TOPICS,
      "persistent://ml/feedback/model-accuracy", "Where evaluations (and promotion decisions) are published. "
          + "Defaults to `model-accuracy` in the feedback topic's namespace.");
  public static final Option EVALUATION_WINDOW = Option.defaulted("feedback.evaluation.window", TEXT, "1000",
      "10 to 100000 labels, or a duration 1s to 7d", "The window metrics are computed over: the latest N labels "
          + "of a model version, or the labels observed within a duration.");
  public static final Option EVALUATION_EVERY = Option.integer("feedback.evaluation.every", 100, 1, 1_000_000,
      "Publish evaluations after this many joined labels.");
  public static final Option DRIFT = Option.of("feedback.drift", MAP, false, "alerts, detector, delta", null,
      "Concept-drift detection on the error stream of joined labels; every key has a default.");
  public static final Option DRIFT_ALERTS = Option.of("feedback.drift.alerts", TOPIC, false, TOPICS,
      "persistent://ml/feedback/model-alerts", "Where drift alerts are published. Defaults to `model-alerts` in "
          + "the feedback topic's namespace.");
  public static final Option DRIFT_DETECTOR = Option.choice("feedback.drift.detector", "adwin",
      List.of("adwin", "page-hinkley"), "ADWIN (adaptive window) or Page-Hinkley on the 0/1 error of each label; "
          + "only a rise of the error alerts.");
  public static final Option DRIFT_DELTA = Option.defaulted("feedback.drift.delta", Option.Kind.NUMBER, "0.002",
      "above 0, below 1", "ADWIN's confidence (smaller: fewer false alarms, later alerts); Page-Hinkley's "
          + "tolerated change of the error rate.");
  public static final Option LEARNING = Option.of("feedback.learning", MAP, false, "online", null,
      "Continuous learning from the joined labels. None when absent.");
  public static final Option ONLINE = Option.of("feedback.learning.online", MAP, false,
      "algorithm, snapshotEvery, registry, promote", null,
      "An online learner trained on every joined label (score first, then learn) from the last score stage's "
          + "inputs, as the prediction carries them; its snapshots become registry versions that are promoted "
          + "when they beat the champion.");
  public static final Option ONLINE_ALGORITHM = Option.choice("feedback.learning.online.algorithm", null,
      List.of("ftrl", "hoeffding"), "FTRL-Proximal logistic regression (format `gyre-ftrl`) or a Hoeffding tree "
          + "(format `gyre-hoeffding`).");
  public static final Option ONLINE_SNAPSHOT_EVERY = Option.integer("feedback.learning.online.snapshotEvery",
      1000, 10, 10_000_000, "Push a snapshot to the registry as a new version after this many labels.");
  public static final Option ONLINE_REGISTRY = Option.of("feedback.learning.online.registry", TEXT, false,
      "a Pulsar namespace `tenant/namespace`", "ml/models", "The registry snapshots are pushed to and promoted in. "
          + "Defaults to the score stage's `model.registry`; one of the two is required.");
  public static final Option PROMOTE = Option.of("feedback.learning.online.promote", MAP, false,
      "margin, minLabels", null, "When a candidate is promoted and a promoted version rolled back.");
  public static final Option PROMOTE_MARGIN = Option.defaulted("feedback.learning.online.promote.margin",
      Option.Kind.NUMBER, "0.01", "0 to below 1", "How much higher a candidate's accuracy must be than the "
          + "champion's on the same labels; a promoted version that then does this much worse than the champion "
          + "it replaced is rolled back.");
  public static final Option PROMOTE_MIN_LABELS = Option.integer("feedback.learning.online.promote.minLabels",
      500, 1, 1_000_000, "How many labels a candidate is judged on, and a promoted version watched for.");
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

  public static final Option SINKS = Option.of("sinks", LIST, false, "sinks", null,
      "Where events land outside Pulsar: PostgreSQL tables and webhooks. Each sink reads one topic of the "
          + "pipeline through its own subscription, `gyre-<pipeline>-<sink>`. None when absent.");
  public static final Option SINK_NAME = Option.of("sinks[].name", NAME, true, NAME_FORM
      + ", unique among stages and sinks", "predictions-db", "The sink's name, used in its subscription name.");
  public static final Option SINK_TYPE = Option.choice("sinks[].type", null, List.of("postgres", "webhook"),
      "`postgres` upserts each event as a row keyed by its event id; `webhook` POSTs each matching event as JSON.");
  public static final Option SINK_INPUT = Option.of("sinks[].input", TOPIC, false,
      "`source.topic`, a stage's `output` or `deadLetterTopic`", null,
      "The topic the sink reads. Defaults to the last stage's output. Events it cannot write go to "
          + "`<input>-<name>-dlq`, with the reason.");
  public static final Option SINK_URL = Option.of("sinks[].url", TEXT, false,
      "postgres: `jdbc:postgresql://...`; webhook: `http://...` or `https://...`; `${ENV_VAR}` references",
      "https://alerts.example.com/hook", "Where to write. postgres: defaults to "
          + "`jdbc:postgresql://127.0.0.1:5432/postgres`; webhook: required.");
  public static final Option SINK_USER = Option.of("sinks[].user", TEXT, false, "any text; `${ENV_VAR}` references",
      null, "postgres only: the database user. The driver's default (the OS user) when absent.");
  public static final Option SINK_PASSWORD = Option.of("sinks[].password", TEXT, false,
      "`${ENV_VAR}` (recommended) or text", null,
      "postgres only: the password. Write `${PGPASSWORD}` to read it from the environment when the sink starts, "
          + "so secrets stay out of specs.");
  public static final Option SINK_TABLE = Option.of("sinks[].table", TEXT, false,
      "`name` or `schema.name`, lower-case letters, digits and `_`", "predictions",
      "postgres only, required: the table; columns `event_id` (primary key), one per field of the input, "
          + "and `received_at`.");
  public static final Option SINK_BATCH_SIZE = Option.integer("sinks[].batchSize", 500, 1, 10_000,
      "postgres only: the most events written in one transaction.");
  public static final Option SINK_CREATE_TABLE = Option.defaulted("sinks[].createTable", BOOLEAN, "true",
      "true, false", "postgres only: create the table when it is missing. An existing table is checked for "
          + "the columns the sink writes.");
  public static final Option SINK_WHEN = Option.of("sinks[].when", TEXT, false,
      "a formula over the input's fields that gives a boolean", "alert",
      "webhook only: post an event only when this is true. Every event when absent.");
  public static final Option SINK_TIMEOUT = new Option("sinks[].timeout", Option.Kind.DURATION, false, "5s",
      "1ms to 60s; units ns, us, ms, s", 1_000_000L, 60_000_000_000L, List.of(), null,
      "webhook only: how long one attempt may take, connecting included.");
  public static final Option SINK_RETRIES = Option.integer("sinks[].retries", 5, 0, 20,
      "webhook only: how often a failed attempt (5xx, 429, no connection, timeout) is retried, with "
          + "exponential backoff, before the event is dead-lettered. A 4xx is dead-lettered at once.");

  /** Every key, in the order of the reference. */
  public static final List<Option> ALL = List.of(NAME_KEY, DESCRIPTION, KEY, SOURCE, SOURCE_TOPIC, SCHEMA,
      SCHEMA_FORMAT, MAX_MESSAGE_BYTES, FIELDS, FIELD_ENTRY, FIELD_TYPE, FIELD_REQUIRED, STAGES, STAGE_NAME,
      STAGE_TYPE, OUTPUT, DEAD_LETTER, PARALLELISM, ON_ERROR, FEATURES, WINDOWS, WINDOW_TIME, WINDOW_TIME_UNIT,
      ALLOWED_LATENESS, LATE, AGGREGATES, ENRICH, ENRICH_TABLE, ENRICH_KEY, ENRICH_FIELDS, ENRICH_FIELD_TYPE,
      ENRICH_PREFIX, ENRICH_MISSING, ENRICH_DEFAULTS, ENRICH_DEFAULT, MODEL, MODEL_NAME, MODEL_VERSION,
      MODEL_FORMAT, MODEL_PATH, MODEL_URL, MODEL_INPUTS, MODEL_INPUT_NAME, MODEL_INPUT_MISSING, MODEL_REGISTRY, MODEL_REMOTE, REMOTE_TIMEOUT,
      REMOTE_RETRIES, REMOTE_BACKOFF, REMOTE_MAX_CONCURRENCY, REMOTE_CIRCUIT, REMOTE_CIRCUIT_FAILURES,
      REMOTE_CIRCUIT_COOL_DOWN, REMOTE_FALLBACK, REMOTE_FALLBACK_LABEL, REMOTE_FALLBACK_PROBABILITY, REMOTE_LABELS,
      FEEDBACK, FEEDBACK_TOPIC, FEEDBACK_ID_FIELD, FEEDBACK_PREDICTION_ID, FEEDBACK_LABEL_FIELD, FEEDBACK_HORIZON,
      FEEDBACK_POSITIVE, FEEDBACK_NEGATIVE, EVALUATION, EVALUATION_TOPIC, EVALUATION_WINDOW, EVALUATION_EVERY, DRIFT,
      DRIFT_ALERTS, DRIFT_DETECTOR, DRIFT_DELTA, LEARNING, ONLINE, ONLINE_ALGORITHM, ONLINE_SNAPSHOT_EVERY,
      ONLINE_REGISTRY, PROMOTE, PROMOTE_MARGIN, PROMOTE_MIN_LABELS, RUNTIME, BATCH_DELAY, RECEIVER_QUEUE,
      MAX_PENDING, MICRO_BATCH_EVENTS, MICRO_BATCH_WAIT,
      SINKS, SINK_NAME, SINK_TYPE, SINK_INPUT, SINK_URL, SINK_USER, SINK_PASSWORD, SINK_TABLE, SINK_BATCH_SIZE,
      SINK_CREATE_TABLE, SINK_WHEN, SINK_TIMEOUT, SINK_RETRIES);

  private SpecKeys() {}

  /** The keys allowed in the map at {@code parent} (a path as in {@link Option#path}), in order. */
  public static List<Option> childrenOf(String parent) {
    return ALL.stream().filter(o -> o.parent().equals(parent)).toList();
  }

  private static <E> List<String> names(E[] values, Function<E, String> name) {
    return Arrays.stream(values).map(name).toList();
  }
}
