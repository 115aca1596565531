package dev.gyre.remote.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gyre.api.Prediction;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the outputs of an inference response into predictions, in one of three forms chosen at
 * load from the model's metadata, in this order:
 * <ol>
 *   <li>a label output (one value per row, any datatype) next to a float probability output
 *       {@code [rows, classes]}: the label as the server gives it, with the row's highest probability;
 *   <li>a float probability output {@code [rows, classes]}: the class with the highest probability
 *       (the first on ties) and that probability, labels from the options, the metadata, or
 *       {@code "0", "1", ...};
 *   <li>a float output with one value per row: regression, the value as text and the value.
 * </ol>
 * FP32 values are read as 32-bit floats, so a prediction equals the one ONNX Runtime makes in process.
 */
public final class OutputReader {
  private final String probabilities;
  private final String label;
  private final String value;
  private final boolean fp32;
  private final List<String> labels;

  private OutputReader(String probabilities, String label, String value, boolean fp32, List<String> labels) {
    this.probabilities = probabilities;
    this.label = label;
    this.value = value;
    this.fp32 = fp32;
    this.labels = labels;
  }

  /**
   * Chooses the form for a model's outputs.
   *
   * @param labels the labels of the options, or empty
   * @return the reader, or null when no output has a form Gyre reads
   */
  static OutputReader choose(ModelMetadata metadata, List<String> labels) {
    ModelMetadata.Tensor probs = null;
    ModelMetadata.Tensor labelOut = null;
    ModelMetadata.Tensor regression = null;
    for (ModelMetadata.Tensor t : metadata.outputs()) {
      if (probs == null && t.isFloat() && t.severalPerRow()) {
        probs = t;
      } else if (regression == null && t.isFloat() && t.onePerRow()) {
        regression = t;
      } else if (labelOut == null && !t.isFloat() && t.onePerRow()) {
        labelOut = t;
      }
    }
    List<String> chosen = labels.isEmpty() ? metadata.labels() : labels;
    if (probs != null) {
      return new OutputReader(probs.name(), labelOut == null ? null : labelOut.name(), null,
          probs.datatype().equals("FP32"), chosen);
    }
    if (regression != null) {
      return new OutputReader(null, null, regression.name(), regression.datatype().equals("FP32"), List.of());
    }
    return null;
  }

  /** The outputs to ask the server for. */
  public List<String> requested() {
    List<String> names = new ArrayList<>(2);
    for (String name : new String[] {label, probabilities, value}) {
      if (name != null) {
        names.add(name);
      }
    }
    return names;
  }

  /** The number of columns the probability output must have for the labels, or -1 when any will do. */
  int expectedClasses() {
    return probabilities != null && label == null && !labels.isEmpty() ? labels.size() : -1;
  }

  /** Reads {@code rows} predictions; a response without the outputs, or of the wrong size, fails. */
  public Prediction[] read(JsonNode response, int rows) throws CallFailure {
    Prediction[] predictions = new Prediction[rows];
    if (value != null) {
      double[] values = data(response, value, rows, 1);
      for (int r = 0; r < rows; r++) {
        predictions[r] = fp32 ? new Prediction(String.valueOf((float) values[r]), (float) values[r])
            : new Prediction(String.valueOf(values[r]), values[r]);
      }
      return predictions;
    }
    double[] p = data(response, probabilities, rows, -1);
    int classes = p.length / rows;
    if (label == null && !labels.isEmpty() && labels.size() != classes) {
      throw new CallFailure("output '" + probabilities + "' has " + classes + " columns but there are "
          + labels.size() + " labels " + labels, false, null);
    }
    JsonNode labelData = label == null ? null : flat(output(response, label), rows, 1);
    for (int r = 0; r < rows; r++) {
      int best = 0;
      for (int c = 1; c < classes; c++) {
        if (p[r * classes + c] > p[r * classes + best]) {
          best = c;
        }
      }
      double probability = fp32 ? (float) p[r * classes + best] : p[r * classes + best];
      String text = labelData != null ? labelData.get(r).asText()
          : labels.isEmpty() ? Integer.toString(best) : labels.get(best);
      predictions[r] = new Prediction(text, probability);
    }
    return predictions;
  }

  private static double[] data(JsonNode response, String name, int rows, int perRow) throws CallFailure {
    JsonNode flat = flat(output(response, name), rows, perRow);
    double[] values = new double[flat.size()];
    for (int i = 0; i < values.length; i++) {
      if (!flat.get(i).isNumber()) {
        throw new CallFailure("output '" + name + "' holds " + flat.get(i) + " where a number is expected", false, null);
      }
      values[i] = flat.get(i).doubleValue();
    }
    return values;
  }

  private static JsonNode output(JsonNode response, String name) throws CallFailure {
    for (JsonNode output : response.path("outputs")) {
      if (name.equals(output.path("name").asText())) {
        return output.path("data");
      }
    }
    throw new CallFailure("the response has no output '" + name + "'", false, null);
  }

  /** The data as one flat array (servers may nest it by row); its size must be a multiple of rows. */
  private static JsonNode flat(JsonNode data, int rows, int perRow) throws CallFailure {
    com.fasterxml.jackson.databind.node.ArrayNode out = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance
        .arrayNode();
    flatten(data, out);
    if (out.isEmpty() || out.size() % rows != 0 || (perRow > 0 && out.size() != rows * perRow)) {
      throw new CallFailure("an output holds " + out.size() + " values, which does not fit " + rows + " rows", false, null);
    }
    return out;
  }

  private static void flatten(JsonNode node, com.fasterxml.jackson.databind.node.ArrayNode out) {
    if (node.isArray()) {
      node.forEach(child -> flatten(child, out));
    } else if (!node.isMissingNode()) {
      out.add(node);
    }
  }
}
