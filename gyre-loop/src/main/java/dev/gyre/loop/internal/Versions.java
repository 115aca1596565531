package dev.gyre.loop.internal;

import dev.gyre.learn.online.LearnedModel;

/** Where the online learner's versions go: the model registry in production, a list in tests. */
public interface Versions {
  /** Stores the snapshot as the new version {@link LearnedModel#version()} of its model. */
  void push(LearnedModel snapshot);

  /** Makes the version the champion, which the score stage then serves. */
  void promote(String model, String version);

  /** Makes the previous champion the champion again. */
  void rollback(String model);
}
