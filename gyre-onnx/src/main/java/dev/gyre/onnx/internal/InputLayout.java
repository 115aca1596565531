package dev.gyre.onnx.internal;

import ai.onnxruntime.OnnxJavaType;
import java.util.List;

/**
 * How one spec row (the spec's {@code model.inputs}, as floats) is split across a model's input
 * tensors. Chosen once at load time by {@link InputLayouts#choose}; immutable.
 *
 * @param slots one per model input, in the order the model declares them
 * @param width the number of spec inputs, the length of a row
 */
public record InputLayout(List<Slot> slots, int width) {

  public InputLayout {
    slots = List.copyOf(slots);
  }

  /**
   * One model input: a tensor {@code [rows, columns.length]} whose column {@code k} takes spec
   * input {@code columns[k]}.
   *
   * @param name    the model input's name
   * @param type    its element type
   * @param columns spec column indices, in tensor column order; the array is not copied, never change it
   */
  public record Slot(String name, Type type, int[] columns) {}

  /** The element types Gyre feeds, converted from the float row. */
  public enum Type {
    /** As is. */
    FLOAT,
    /** Widened from float, exactly. */
    DOUBLE,
    /** Whole floats only; anything else is refused rather than rounded. */
    INT64;

    /** The type of an ONNX Runtime tensor element, or {@code null} if Gyre cannot feed it. */
    static Type of(OnnxJavaType type) {
      return switch (type) {
        case FLOAT -> FLOAT;
        case DOUBLE -> DOUBLE;
        case INT64 -> INT64;
        default -> null;
      };
    }
  }

  /** True for the common case: one float tensor taking the row as it is, which needs no copy. */
  public boolean isSingleFloatRow() {
    if (slots.size() != 1 || slots.get(0).type() != Type.FLOAT) {
      return false;
    }
    int[] columns = slots.get(0).columns();
    for (int k = 0; k < columns.length; k++) {
      if (columns[k] != k) {
        return false;
      }
    }
    return columns.length == width;
  }
}
