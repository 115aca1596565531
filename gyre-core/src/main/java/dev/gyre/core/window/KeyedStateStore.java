package dev.gyre.core.window;

import java.util.function.BiConsumer;

/**
 * Where a {@link WindowEngine} keeps each key's {@link KeyState}. The engine gets a key's state,
 * changes it in place, then puts it back once the event is applied; a durable store writes it then
 * (or marks it dirty to write later), for example as {@link KeyStateCodec} bytes on a compacted
 * changelog topic keyed by the key. Used by one stage thread; implementations need not be thread-safe.
 */
public interface KeyedStateStore {

  /** The key's state, or null when the key has none yet. */
  KeyState get(String key);

  /** Records the key's state after an event changed it. */
  void put(String key, KeyState state);

  /** How many keys have state. */
  int size();

  /** Calls {@code action} with every key and its state, for snapshots and metrics. */
  void forEach(BiConsumer<String, KeyState> action);
}
