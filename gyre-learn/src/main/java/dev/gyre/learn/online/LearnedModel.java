package dev.gyre.learn.online;

import dev.gyre.api.Model;
import java.util.List;

/**
 * An immutable snapshot of an {@link OnlineLearner}: a {@link Model} that can be stored as bytes and
 * loaded again by the {@link dev.gyre.api.ModelProvider} of its {@link #format()}. Thread-safe.
 */
public interface LearnedModel extends Model {

  /** The model format, such as {@code gyre-ftrl}; the provider that loads {@link #toBytes()}. */
  String format();

  /** The classes this model predicts, in the order of its internal tables. */
  List<String> labels();

  /** The model as bytes; loading them gives a model with identical predictions. */
  byte[] toBytes();

  /** Nothing to release: a snapshot holds plain Java arrays. */
  @Override
  default void close() {}
}
