package dev.gyre.api;

import java.time.Clock;

/**
 * What the runtime tells a stage about where it runs. Implementations are immutable.
 */
public interface StageContext {

  /** The pipeline's name from the spec. */
  String pipeline();

  /** The stage's name from the spec, unique within its pipeline. */
  String stage();

  /** Index of this instance among the stage's parallel instances, from 0. */
  int instance();

  /** The clock every time-dependent decision must use (tests inject a fixed one). */
  Clock clock();

  /** A context with fixed values. */
  static StageContext of(String pipeline, String stage, int instance, Clock clock) {
    return new Fixed(pipeline, stage, instance, clock);
  }

  /** The plain implementation returned by {@link #of}. */
  record Fixed(String pipeline, String stage, int instance, Clock clock) implements StageContext {}
}
