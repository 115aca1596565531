package dev.gyre.registry;

import dev.gyre.api.Model;
import dev.gyre.api.ModelDescriptor;
import dev.gyre.api.ModelException;
import dev.gyre.core.plan.ModelLoader;
import dev.gyre.registry.internal.Payloads;
import dev.gyre.registry.internal.RecordJson;
import dev.gyre.registry.internal.RegistryTopics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.pulsar.client.api.Producer;
import org.apache.pulsar.client.api.PulsarClientException;

/**
 * One push: read the file once, check the bytes ({@link ModelFiles}), load exactly those bytes with
 * the model provider (which checks them against the inputs), then store payload and record while
 * holding the version topic's exclusive producer.
 */
final class Push {
  private final ModelRegistry registry;
  private final PushRequest request;
  private final ModelLoader loader;
  private final Clock clock;
  private final String what;

  Push(ModelRegistry registry, PushRequest request, ModelLoader loader, Clock clock) {
    this.registry = registry;
    this.request = request;
    this.loader = loader;
    this.clock = clock;
    this.what = "model '" + request.name() + "' version " + request.version() + " (" + request.file() + ")";
  }

  PushResult run() {
    Names.check("name", request.name());
    Names.check("version", request.version());
    byte[] bytes = read();
    ModelFiles.Checked checked = ModelFiles.check(what, bytes, request.format(), request.maxBytes(),
        request.expectedSha256());
    List<String> inputs = inputs(checked.metadata());
    load(bytes, inputs);
    RegistryTopics topics = registry.topics();
    try (Producer<byte[]> writer = registry.exclusive(topics.versions())) {
      registry.versionTable().refresh();
      var existing = registry.version(request.name(), request.version());
      if (existing.isPresent()) {
        if (existing.get().sha256().equals(checked.sha256())) {
          return new PushResult(existing.get(), true);
        }
        throw new ModelException(what + " is refused: version " + request.version() + " of '" + request.name()
            + "' exists already with another file (SHA-256 " + existing.get().sha256() + "). Versions never"
            + " change; push this file under a new version.");
      }
      ModelVersion.Payload payload = Payloads.write(registry.client(), topics.payloads(),
          ModelVersion.key(request.name(), request.version()), bytes);
      ModelVersion version = new ModelVersion(request.name(), request.version(), request.format(), checked.sha256(),
          checked.sizeBytes(), inputs, list(checked.metadata().get("gyre.labels")),
          checked.metadata().get("gyre.training.report"), clock.instant(), Names.user(),
          request.file().toAbsolutePath().toString(), checked.producer(), payload);
      writer.newMessage().key(version.key()).value(RecordJson.write(version)).send();
      registry.versionTable().refresh();
      RegistryTopics.compact(registry.admin(), topics.versions());
      return new PushResult(version, false);
    } catch (PulsarClientException e) {
      throw new dev.gyre.api.StageException("cannot write to the model registry " + registry.namespace() + ": "
          + e.getMessage(), true, e);
    }
  }

  private byte[] read() {
    Path file = request.file();
    try {
      if (!Files.isRegularFile(file)) {
        throw new ModelException(what + " is refused: the file does not exist or is not a regular file.");
      }
      long size = Files.size(file);
      if (size > request.maxBytes()) {
        throw new ModelException(what + " is refused: it is " + size + " bytes, more than the limit of "
            + request.maxBytes() + ". Check that this is the intended model, or raise the limit (--max-bytes).");
      }
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new ModelException(what + " cannot be read: " + e.getMessage(), e);
    }
  }

  private List<String> inputs(Map<String, String> metadata) {
    List<String> declared = list(metadata.get("gyre.inputs"));
    if (request.inputs() == null) {
      if (declared.isEmpty()) {
        throw new ModelException(what + " is refused: it does not name its inputs (metadata gyre.inputs)."
            + " Give them with --inputs, or push from the pipeline spec.");
      }
      return declared;
    }
    if (!declared.isEmpty() && !declared.equals(request.inputs())) {
      throw new ModelException(what + " is refused: it was trained on the inputs " + declared + " but "
          + request.inputs() + " were given. Push it for a spec with those inputs, or retrain it.");
    }
    return request.inputs();
  }

  /** Loads the very bytes that will be stored, from a private copy, with the model provider. */
  private void load(byte[] bytes, List<String> inputs) {
    Path copy = null;
    try {
      copy = Files.createTempFile("gyre-push-", "." + request.format());
      Files.write(copy, bytes);
      try (Model model = loader.load(new ModelDescriptor(request.name(), request.version(), request.format(), copy,
          inputs, Map.of()))) {
        model.inputs(); // loaded and checked; nothing else to do with it
      }
    } catch (ModelException e) {
      throw new ModelException(what + " is refused: the " + request.format() + " model provider cannot load it: "
          + e.getMessage(), e);
    } catch (IOException e) {
      throw new ModelException(what + " cannot be checked: the temporary copy failed: " + e.getMessage(), e);
    } finally {
      if (copy != null) {
        try {
          Files.deleteIfExists(copy);
        } catch (IOException ignored) {
          // a temporary file left behind
        }
      }
    }
  }

  private static List<String> list(String text) {
    return text == null || text.isBlank() ? List.of()
        : Arrays.stream(text.split(",", -1)).map(String::strip).toList();
  }
}
