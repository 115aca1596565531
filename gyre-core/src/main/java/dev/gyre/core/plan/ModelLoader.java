package dev.gyre.core.plan;

import dev.gyre.api.Model;
import dev.gyre.api.ModelDescriptor;
import dev.gyre.api.ModelException;
import dev.gyre.api.ModelProvider;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.Map;

/** Loads a model for a score stage. */
@FunctionalInterface
public interface ModelLoader {

  /** @throws ModelException when the model cannot be loaded or does not fit the descriptor */
  Model load(ModelDescriptor descriptor);

  /** Finds the {@link ModelProvider} of the descriptor's format among those on the classpath. */
  static ModelLoader serviceLoader() {
    Map<String, ModelProvider> providers = new TreeMap<>();
    ServiceLoader.load(ModelProvider.class).forEach(p -> providers.put(p.format(), p));
    return descriptor -> {
      ModelProvider provider = providers.get(descriptor.format());
      if (provider == null) {
        throw new ModelException("is not a model format Gyre can load; formats available: "
            + String.join(", ", providers.keySet()));
      }
      return provider.load(descriptor);
    };
  }
}
