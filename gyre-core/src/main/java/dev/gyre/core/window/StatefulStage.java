package dev.gyre.core.window;

import dev.gyre.api.InputRecord;
import dev.gyre.api.Outcome;
import dev.gyre.api.Stage;
import java.util.Set;

/**
 * A stage that keeps state per key, which a runtime makes durable: after processing, it reads the
 * state of each key that changed ({@link #drainChangedKeys}, {@link #state}) and writes it, encoded
 * with {@link #codec}, to a changelog; at start, and when keys move between instances, it puts
 * states read back from the changelog ({@link #restore}). Each input carries its position in the
 * input topic, so that an input redelivered after a crash is not counted twice.
 *
 * <p>Called from the stage thread only, like every {@link Stage} method.
 */
public interface StatefulStage extends Stage {

  /**
   * Processes one record at its position in the input.
   *
   * @param position grows along the input for each key (see {@link KeyState#lastPosition()}), or
   *                 {@link KeyState#NO_POSITION} when unknown
   */
  Outcome process(InputRecord record, long position);

  /** The keys whose state changed since the last call; the set is the caller's. */
  Set<String> drainChangedKeys();

  /** The key's state, or null when it has none. */
  KeyState state(String key);

  /** Replaces the key's state with one read back from the changelog. */
  void restore(String key, KeyState state);

  /**
   * Lets the stage take a newer state than its own just before it uses a key's state: {@code newer}
   * gets the key and the local state (or null) and returns a state read back from the changelog
   * that is newer, or null to keep the local one. A runtime uses this when keys move between
   * instances, since which key comes next is only known once the event is decoded.
   */
  void adoptFrom(java.util.function.BiFunction<String, KeyState, KeyState> newer);

  /** Encodes and decodes this stage's states; decoding refuses a state of other aggregates. */
  KeyStateCodec codec();
}
