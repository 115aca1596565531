package dev.gyre.onnx;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.gyre.api.Model;
import dev.gyre.api.ModelDescriptor;
import dev.gyre.api.ModelException;
import dev.gyre.api.Prediction;
import dev.gyre.onnx.internal.Failures;
import dev.gyre.onnx.internal.GyreMetadata;
import dev.gyre.onnx.internal.InputFeeder;
import dev.gyre.onnx.internal.OnnxLoader;
import dev.gyre.onnx.internal.OnnxOptions;
import dev.gyre.onnx.internal.OutputReader;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An ONNX model served by ONNX Runtime: one session per model on the JVM's single ONNX Runtime
 * environment. Safe for concurrent {@link #predict} calls from any number of threads; each thread
 * reuses its own direct buffers for the input tensors, so scoring allocates little.
 *
 * <p>Example:
 * <pre>{@code
 * var d = new ModelDescriptor("churn", "3", "onnx", Path.of("churn.onnx"), List.of("tenure", "spend"), Map.of());
 * try (OnnxModel model = OnnxModel.load(d)) {
 *   Prediction p = model.predict(new float[] {0.4f, -1.2f});   // e.g. ("yes", 0.83)
 * }
 * }</pre>
 */
public final class OnnxModel implements Model {
  /** Metadata key of the feature names, comma-separated in input column order (optional). */
  public static final String INPUTS_METADATA = GyreMetadata.INPUTS;
  /** Metadata key of the class labels, comma-separated in output column order (optional). */
  public static final String LABELS_METADATA = GyreMetadata.LABELS;
  /** Default of the {@code maxBytes} option: 256 MiB. */
  public static final long DEFAULT_MAX_BYTES = OnnxOptions.DEFAULT_MAX_BYTES;

  private final ModelDescriptor descriptor;
  private final OrtEnvironment env;
  private final OrtSession session;
  private final InputFeeder feeder;
  private final OutputReader reader;
  private final Set<String> requestedOutputs;
  private final Map<String, String> metadata;
  private final ThreadLocal<FloatBuffer> rows;
  private volatile boolean closed;

  private OnnxModel(ModelDescriptor descriptor, OnnxLoader.Loaded loaded) {
    this.descriptor = descriptor;
    this.env = loaded.env();
    this.session = loaded.session();
    this.feeder = new InputFeeder(descriptor, loaded.env(), loaded.layout());
    this.reader = loaded.reader();
    this.requestedOutputs = Set.of(reader.outputName());
    this.metadata = loaded.metadata();
    int n = descriptor.inputs().size();
    this.rows = ThreadLocal.withInitial(
        () -> ByteBuffer.allocateDirect(Float.BYTES * n).order(ByteOrder.nativeOrder()).asFloatBuffer());
  }

  /**
   * Loads the descriptor's file and checks it: it exists and is readable, is at most
   * {@code maxBytes}, is valid ONNX, names the same inputs in the same order if it carries
   * {@value #INPUTS_METADATA}, has inputs the spec's inputs map onto unambiguously (one tensor
   * {@code [batch, inputs().size()]}, or several; see {@link dev.gyre.onnx the package}), and has an
   * output Gyre can read.
   *
   * @throws ModelException naming the file, the problem and what to do
   */
  public static OnnxModel load(ModelDescriptor descriptor) {
    return new OnnxModel(descriptor, OnnxLoader.load(descriptor));
  }

  @Override
  public String name() {
    return descriptor.name();
  }

  @Override
  public String version() {
    return descriptor.version();
  }

  @Override
  public List<String> inputs() {
    return descriptor.inputs();
  }

  /**
   * Class labels in output column order: from {@value #LABELS_METADATA} when present, otherwise
   * {@code "0", "1", ...}. Empty for regression models, and for probability-map outputs without
   * {@value #LABELS_METADATA} (their labels come with each row).
   */
  public List<String> labels() {
    return reader.labels();
  }

  /** The model's custom metadata (such as {@code gyre.training.report}), read-only. */
  public Map<String, String> metadata() {
    return metadata;
  }

  /**
   * Scores one row. For a classifier, the label with the highest probability (the first on ties)
   * and that probability; for a regression, the value as text and the value.
   *
   * @throws ModelException if the row has the wrong length or a NaN or infinite value (naming the
   *     input), a value that is not whole for an int64 model input, if the model is closed, or if ONNX
   *     Runtime fails
   */
  @Override
  public Prediction predict(float[] features) {
    check(features);
    FloatBuffer row = rows.get();
    row.clear();
    row.put(features).flip();
    try (InputFeeder.Inputs input = feeder.feed(row, 1);
        OrtSession.Result result = session.run(input.tensors(), requestedOutputs)) {
      return reader.read(result.get(0), 1)[0];
    } catch (ModelException e) {
      throw e;
    } catch (OrtException | RuntimeException e) {
      if (closed) {
        throw Failures.atPredict(descriptor, "the model is closed", e);
      }
      throw Failures.atPredict(descriptor, "ONNX Runtime failed to score the row (" + e.getMessage() + ")", e);
    }
  }

  /**
   * Scores {@code rowCount} rows in one ONNX Runtime call over {@code [rowCount, columns]} tensors.
   * For a model with one float input, a direct buffer in native byte order is handed to ONNX Runtime
   * as it is; otherwise the rows are copied (and split across the model's inputs) into direct
   * buffers this thread reuses.
   *
   * @throws ModelException if a value is NaN or infinite (naming the row and input), if the model is
   *     closed, or if ONNX Runtime fails
   */
  @Override
  public Prediction[] predictBatch(FloatBuffer batch, int rowCount) {
    if (closed) {
      throw Failures.atPredict(descriptor, "the model is closed", null);
    }
    int width = descriptor.inputs().size();
    int values = rowCount * width;
    if (rowCount < 1 || batch.capacity() < values) {
      throw Failures.atPredict(descriptor, "the batch holds " + batch.capacity() + " values, too few for "
          + rowCount + " rows of " + width + " inputs", null);
    }
    for (int v = 0; v < values; v++) {
      if (!Float.isFinite(batch.get(v))) {
        throw Failures.atPredict(descriptor, "input '" + descriptor.inputs().get(v % width) + "' of row "
            + v / width + " was " + batch.get(v) + " but it must be a finite number; the batch was not scored", null);
      }
    }
    try (InputFeeder.Inputs input = feeder.feed(batch, rowCount);
        OrtSession.Result result = session.run(input.tensors(), requestedOutputs)) {
      return reader.read(result.get(0), rowCount);
    } catch (ModelException e) {
      throw e;
    } catch (OrtException | RuntimeException e) {
      if (closed) {
        throw Failures.atPredict(descriptor, "the model is closed", e);
      }
      throw Failures.atPredict(descriptor, "ONNX Runtime failed to score a batch of " + rowCount + " rows ("
          + e.getMessage() + ")", e);
    }
  }

  private void check(float[] features) {
    if (closed) {
      throw Failures.atPredict(descriptor, "the model is closed", null);
    }
    List<String> inputs = descriptor.inputs();
    if (features.length != inputs.size()) {
      throw Failures.atPredict(descriptor, "the row has " + features.length + " values but the model takes "
          + inputs.size() + " inputs " + inputs, null);
    }
    for (int i = 0; i < features.length; i++) {
      if (!Float.isFinite(features[i])) {
        throw Failures.atPredict(descriptor, "input '" + inputs.get(i) + "' was " + features[i]
            + " but it must be a finite number; the row was not scored", null);
      }
    }
  }

  /**
   * Releases the session. Call once no thread is inside {@link #predict}; later calls to
   * {@code predict} throw {@link ModelException}. Idempotent.
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      session.close();
    } catch (OrtException e) {
      throw Failures.atPredict(descriptor, "closing the ONNX Runtime session failed", e);
    }
  }
}
