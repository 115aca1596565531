package dev.gyre.learn.synthetic;

import java.util.List;

/** An endless, seeded stream of labelled examples. Not thread-safe. */
public interface StreamGenerator {

  /** The feature names. */
  List<String> inputs();

  /** The two classes, negative first. */
  List<String> labels();

  /** The next example. */
  Example next();
}
