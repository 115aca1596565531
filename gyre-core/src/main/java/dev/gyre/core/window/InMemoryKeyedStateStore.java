package dev.gyre.core.window;

import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;

/** Keeps every key's state on the heap; lost when the process ends. Not thread-safe. */
public final class InMemoryKeyedStateStore implements KeyedStateStore {
  private final Map<String, KeyState> states = new HashMap<>();

  @Override
  public KeyState get(String key) {
    return states.get(key);
  }

  @Override
  public void put(String key, KeyState state) {
    states.put(key, state);
  }

  @Override
  public int size() {
    return states.size();
  }

  @Override
  public void forEach(BiConsumer<String, KeyState> action) {
    states.forEach(action);
  }
}
