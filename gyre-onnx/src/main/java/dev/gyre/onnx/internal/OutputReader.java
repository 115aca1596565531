package dev.gyre.onnx.internal;

import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtException;
import dev.gyre.api.Prediction;
import java.util.List;

/**
 * Turns the value of one model output, for a batch of rows, into one {@link Prediction} per row. Chosen
 * once at load time by {@link OutputReaders#choose}; stateless and thread-safe.
 */
public sealed interface OutputReader
    permits ProbabilityTensorReader, ProbabilityMapReader, RegressionReader {

  /** The model output this reader consumes; the session computes only this one. */
  String outputName();

  /**
   * The class labels in output column order, or an empty list when they are only known per row
   * (probability maps with integer keys and no {@code gyre.labels}) or the model is a regression.
   */
  List<String> labels();

  /** Reads the output value of a run over {@code rows} rows: one prediction per row, in order. */
  Prediction[] read(OnnxValue value, int rows) throws OrtException;
}
