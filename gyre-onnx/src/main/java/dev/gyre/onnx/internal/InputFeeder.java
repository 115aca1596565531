package dev.gyre.onnx.internal;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import dev.gyre.api.ModelDescriptor;
import java.nio.Buffer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns rows of floats into the model's input tensors, following an {@link InputLayout}. Each thread
 * reuses its own direct buffers, so feeding allocates little; one float input taking the whole row
 * from a direct native-order buffer is handed to ONNX Runtime without a copy. Thread-safe.
 */
public final class InputFeeder {
  /** Floats at or beyond this magnitude do not fit an int64. */
  private static final float INT64_LIMIT = 0x1p63f;

  private final ModelDescriptor descriptor;
  private final OrtEnvironment env;
  private final InputLayout layout;
  private final ThreadLocal<ByteBuffer[]> buffers;

  public InputFeeder(ModelDescriptor descriptor, OrtEnvironment env, InputLayout layout) {
    this.descriptor = descriptor;
    this.env = env;
    this.layout = layout;
    this.buffers = ThreadLocal.withInitial(() -> new ByteBuffer[layout.slots().size()]);
  }

  /** The tensors of one run, by input name; closing releases them all. */
  public record Inputs(Map<String, OnnxTensor> tensors) implements AutoCloseable {
    @Override
    public void close() {
      tensors.values().forEach(OnnxTensor::close);
    }
  }

  /**
   * Tensors for the first {@code rowCount} rows of {@code rows} (row-major, {@code layout.width()}
   * values a row, position and limit ignored). Values must already be finite.
   *
   * @throws dev.gyre.api.ModelException if a value does not fit an int64 input (naming row and input)
   */
  public Inputs feed(FloatBuffer rows, int rowCount) throws OrtException {
    int n = layout.width();
    Buffer[] filled = new Buffer[layout.slots().size()];
    for (int s = 0; s < filled.length; s++) {
      InputLayout.Slot slot = layout.slots().get(s);
      if (layout.isSingleFloatRow() && rows.isDirect() && rows.order() == ByteOrder.nativeOrder()) {
        filled[s] = rows.duplicate().position(0).limit(rowCount * n);
      } else {
        filled[s] = gather(s, slot, rows, rowCount);
      }
    }
    Map<String, OnnxTensor> tensors = new LinkedHashMap<>();
    try {
      for (int s = 0; s < filled.length; s++) {
        InputLayout.Slot slot = layout.slots().get(s);
        long[] shape = {rowCount, slot.columns().length};
        tensors.put(slot.name(), switch (slot.type()) {
          case FLOAT -> OnnxTensor.createTensor(env, (FloatBuffer) filled[s], shape);
          case DOUBLE -> OnnxTensor.createTensor(env, (DoubleBuffer) filled[s], shape);
          case INT64 -> OnnxTensor.createTensor(env, (LongBuffer) filled[s], shape);
        });
      }
      return new Inputs(tensors);
    } catch (OrtException | RuntimeException e) {
      tensors.values().forEach(OnnxTensor::close);
      throw e;
    }
  }

  private Buffer gather(int s, InputLayout.Slot slot, FloatBuffer rows, int rowCount) {
    int n = layout.width();
    int[] columns = slot.columns();
    int values = rowCount * columns.length;
    ByteBuffer bytes = buffer(s, values * (slot.type() == InputLayout.Type.FLOAT ? Float.BYTES : Long.BYTES));
    switch (slot.type()) {
      case FLOAT -> {
        FloatBuffer out = bytes.asFloatBuffer();
        for (int r = 0; r < rowCount; r++) {
          for (int k = 0; k < columns.length; k++) {
            out.put(r * columns.length + k, rows.get(r * n + columns[k]));
          }
        }
        return out.limit(values);
      }
      case DOUBLE -> {
        DoubleBuffer out = bytes.asDoubleBuffer();
        for (int r = 0; r < rowCount; r++) {
          for (int k = 0; k < columns.length; k++) {
            out.put(r * columns.length + k, rows.get(r * n + columns[k]));
          }
        }
        return out.limit(values);
      }
      default -> {
        LongBuffer out = bytes.asLongBuffer();
        for (int r = 0; r < rowCount; r++) {
          for (int k = 0; k < columns.length; k++) {
            float v = rows.get(r * n + columns[k]);
            if (v != Math.rint(v) || Math.abs(v) >= INT64_LIMIT) {
              String where = rowCount == 1 ? "" : " of row " + r;
              throw Failures.atPredict(descriptor, "input '" + descriptor.inputs().get(columns[k]) + "'" + where
                  + " was " + v + " but model input '" + slot.name() + "' is int64, so it must be a whole number"
                  + " of magnitude below 2^63; the row was not scored", null);
            }
            out.put(r * columns.length + k, (long) v);
          }
        }
        return out.limit(values);
      }
    }
  }

  private ByteBuffer buffer(int s, int bytes) {
    ByteBuffer[] held = buffers.get();
    if (held[s] == null || held[s].capacity() < bytes) {
      held[s] = ByteBuffer.allocateDirect(Math.max(bytes, 64)).order(ByteOrder.nativeOrder());
    }
    return held[s].clear();
  }
}
