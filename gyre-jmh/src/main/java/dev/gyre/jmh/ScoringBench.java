package dev.gyre.jmh;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.gyre.api.InputRecord;
import dev.gyre.api.ModelDescriptor;
import dev.gyre.api.Outcome;
import dev.gyre.api.Prediction;
import dev.gyre.core.event.EventCodec;
import dev.gyre.core.event.EventSchema;
import dev.gyre.core.stage.ScoreStage;
import dev.gyre.onnx.OnnxModel;
import dev.gyre.spec.FieldSpec;
import dev.gyre.spec.FieldType;
import dev.gyre.train.LogisticRegressionTrainer;
import dev.gyre.train.TrainingSet;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Gyre's scoring path against ONNX Runtime called directly, on the same model and rows: the sensor
 * example's shape (a logistic regression over 3 features, trained by Gyre, Tribuo's ONNX export).
 * Every figure is time per scored row.
 *
 * <ul>
 *   <li>{@code ortRun}: raw ONNX Runtime, as a hand-written scorer would call it: a tensor over a
 *       reused direct buffer, {@code run}, read the probabilities, pick the best label.
 *   <li>{@code modelPredict}: Gyre's {@link OnnxModel#predict}, the same work plus Gyre's checks.
 *   <li>{@code ortRunBatch64} / {@code modelPredictBatch64}: the same for 64 rows in one call.
 *   <li>{@code stageProcess} / {@code stageProcessBatch64}: the whole score stage: JSON decode and
 *       checks, the model, JSON encode, one event per call or 64 per micro-batch.
 * </ul>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class ScoringBench {
  static final int BATCH = 64;
  static final List<String> INPUTS = List.of("temp_scaled", "hour_sin", "hour_cos");
  private static final int ROWS = 1024;

  private Path dir;
  private OrtEnvironment env;
  private OrtSession session;
  private OnnxModel model;
  private ScoreStage stage;
  private float[][] rows;
  private List<InputRecord> events;
  private FloatBuffer one;
  private FloatBuffer batch;
  private int next;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    dir = Files.createTempDirectory("gyre-jmh");
    Path file = dir.resolve("sensor.onnx");
    Random random = new Random(42);
    List<float[]> training = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      float[] row = {(float) random.nextGaussian(), (float) random.nextGaussian(), (float) random.nextGaussian()};
      training.add(row);
      labels.add(row[0] + 0.3f * row[1] > 0.2f ? "true" : "false");
    }
    new LogisticRegressionTrainer().train(new TrainingSet(INPUTS, training, labels), "sensor", "1", file);

    env = OrtEnvironment.getEnvironment();
    session = env.createSession(file.toString(), new OrtSession.SessionOptions());
    model = OnnxModel.load(new ModelDescriptor("sensor", "1", "onnx", file, INPUTS, Map.of()));
    EventSchema schema = new EventSchema(List.of(new FieldSpec("deviceId", FieldType.STRING, true),
        new FieldSpec("temp_scaled", FieldType.DOUBLE, true), new FieldSpec("hour_sin", FieldType.DOUBLE, true),
        new FieldSpec("hour_cos", FieldType.DOUBLE, true)));
    stage = new ScoreStage(new EventCodec(65_536), schema, "deviceId", model);

    rows = new float[ROWS][];
    events = new ArrayList<>(ROWS);
    for (int i = 0; i < ROWS; i++) {
      rows[i] = new float[] {(float) random.nextGaussian(), (float) random.nextGaussian(), (float) random.nextGaussian()};
      String json = String.format("{\"deviceId\":\"sensor-%02d\",\"temp\":37.4,\"ts\":1689912010,\"temp_scaled\":%s,"
          + "\"hour_sin\":%s,\"hour_cos\":%s}", i % 4, rows[i][0], rows[i][1], rows[i][2]);
      events.add(new InputRecord("sensor-" + (i % 4), json.getBytes(StandardCharsets.UTF_8), 0, Map.of()));
    }
    one = direct(INPUTS.size());
    batch = direct(BATCH * INPUTS.size());
  }

  private static FloatBuffer direct(int floats) {
    return ByteBuffer.allocateDirect(Float.BYTES * floats).order(ByteOrder.nativeOrder()).asFloatBuffer();
  }

  @TearDown(Level.Trial)
  public void tearDown() throws Exception {
    model.close();
    session.close();
    try (var files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  private float[] nextRow() {
    next = (next + 1) & (ROWS - 1);
    return rows[next];
  }

  /** Runs the raw session on {@code rowCount} rows of {@code input} and picks each row's best label. */
  private int ortRun(FloatBuffer input, int rowCount) throws OrtException {
    int width = INPUTS.size();
    int bestSum = 0;
    try (OnnxTensor tensor = OnnxTensor.createTensor(env, input, new long[] {rowCount, width});
         OrtSession.Result result = session.run(Map.of("input", tensor), Set.of("output"))) {
      FloatBuffer probabilities = ((OnnxTensor) result.get(0)).getFloatBuffer();
      for (int r = 0; r < rowCount; r++) {
        bestSum += probabilities.get(2 * r + 1) > probabilities.get(2 * r) ? 1 : 0;
      }
    }
    return bestSum;
  }

  @Benchmark
  public int ortRun() throws OrtException {
    one.clear();
    one.put(nextRow()).flip();
    return ortRun(one, 1);
  }

  @Benchmark
  public Prediction modelPredict() {
    return model.predict(nextRow());
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public int ortRunBatch64() throws OrtException {
    batch.clear();
    for (int r = 0; r < BATCH; r++) {
      batch.put(nextRow());
    }
    batch.flip();
    return ortRun(batch, BATCH);
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public Prediction[] modelPredictBatch64() {
    for (int r = 0; r < BATCH; r++) {
      float[] row = nextRow();
      for (int i = 0; i < row.length; i++) {
        batch.put(r * row.length + i, row[i]);
      }
    }
    return model.predictBatch(batch, BATCH);
  }

  @Benchmark
  public Outcome stageProcess() {
    next = (next + 1) & (ROWS - 1);
    return stage.process(events.get(next));
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public List<Outcome> stageProcessBatch64() {
    next = (next + BATCH) & (ROWS - 1);
    return stage.processBatch(events.subList(next, Math.min(ROWS, next + BATCH)));
  }
}
