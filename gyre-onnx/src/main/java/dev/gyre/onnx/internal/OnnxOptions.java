package dev.gyre.onnx.internal;

import dev.gyre.api.ModelDescriptor;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The options of the {@code onnx} format, parsed from {@link ModelDescriptor#options()}.
 *
 * @param maxBytes       largest model file accepted
 * @param intraOpThreads ONNX Runtime threads used to score one row
 */
public record OnnxOptions(long maxBytes, int intraOpThreads) {

  /** Option name of {@link #maxBytes()}. */
  public static final String MAX_BYTES = "maxBytes";
  /** Option name of {@link #intraOpThreads()}. */
  public static final String INTRA_OP_THREADS = "intraOpThreads";
  /** Default of {@link #maxBytes()}: 256 MiB. */
  public static final long DEFAULT_MAX_BYTES = 256L * 1024 * 1024;

  private static final Set<String> KNOWN = Set.of(MAX_BYTES, INTRA_OP_THREADS);

  /** Parses and checks the descriptor's options; unknown names are an error. */
  public static OnnxOptions of(ModelDescriptor d) {
    Map<String, String> options = d.options();
    Set<String> unknown = new TreeSet<>(options.keySet());
    unknown.removeAll(KNOWN);
    if (!unknown.isEmpty()) {
      throw Failures.atLoad(d, "unknown option(s) " + unknown + " for format onnx",
          "Use only " + new TreeSet<>(KNOWN) + ".");
    }
    long maxBytes = positive(d, MAX_BYTES, options.get(MAX_BYTES), DEFAULT_MAX_BYTES);
    long threads = positive(d, INTRA_OP_THREADS, options.get(INTRA_OP_THREADS), 1);
    if (threads > 1024) {
      throw Failures.atLoad(d, "option intraOpThreads was '" + threads + "' but it must be at most 1024",
          "Use a small thread count such as 1.");
    }
    return new OnnxOptions(maxBytes, (int) threads);
  }

  private static long positive(ModelDescriptor d, String name, String text, long fallback) {
    if (text == null) {
      return fallback;
    }
    try {
      long value = Long.parseLong(text.trim());
      if (value > 0) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below, with the value
    }
    throw Failures.atLoad(d, "option " + name + " was '" + text + "' but it must be a positive whole number",
        "Fix the option or remove it to use the default (" + fallback + ").");
  }
}
