package dev.gyre.learn.synthetic;

import java.util.Objects;

/**
 * One labelled example of a synthetic stream.
 *
 * @param index the example's position in the stream, from 0
 * @param x     the features (not copied: generators hand each array out once)
 * @param label the true class, noise included
 */
public record Example(long index, float[] x, String label) {
  public Example {
    Objects.requireNonNull(x, "x");
    Objects.requireNonNull(label, "label");
  }
}
