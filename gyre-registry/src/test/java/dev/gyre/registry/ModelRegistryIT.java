package dev.gyre.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gyre.api.Model;
import dev.gyre.api.ModelException;
import dev.gyre.api.Prediction;
import dev.gyre.core.plan.ModelLoader;
import dev.gyre.pulsar.TestPulsar;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/** The registry's storage against a real broker: chunked files, refusals, and changes from several writers. */
class ModelRegistryIT {
  /** Loads any file of format "raw" as a model that always says "x". */
  private static final ModelLoader RAW = d -> new Model() {
    public String name() {
      return d.name();
    }

    public String version() {
      return d.version();
    }

    public List<String> inputs() {
      return d.inputs();
    }

    public Prediction predict(float[] features) {
      return new Prediction("x", 1);
    }

    public void close() {}
  };

  private static ModelRegistry open(TestInfo test) {
    String namespace = TestPulsar.tenant(test.getTestMethod().orElseThrow().getName()) + "/models";
    return ModelRegistry.open(TestPulsar.client(), TestPulsar.admin(), namespace, Clock.systemUTC());
  }

  private static PushRequest raw(String name, String version, Path file) {
    return new PushRequest(name, version, "raw", file, List.of("x"), null, ModelFiles.DEFAULT_MAX_BYTES);
  }

  @Test
  void shouldStoreALargeFileInChunksAndFetchItBackIntact(@TempDir Path dir, TestInfo test) throws Exception {
    byte[] bytes = new byte[3_500_000];
    new Random(1).nextBytes(bytes);
    bytes[0] = 1; // not a pickle by chance
    Path file = Files.write(dir.resolve("big.raw"), bytes);
    try (ModelRegistry registry = open(test)) {
      registry.push(raw("big", "1", Files.write(dir.resolve("small.raw"), new byte[] {1, 2, 3})), RAW);
      PushResult pushed = registry.push(raw("big", "2", file), RAW);

      assertThat(pushed.alreadyStored()).isFalse();
      assertThat(pushed.version().payload().chunks()).isEqualTo(4);
      assertThat(registry.fetch(registry.require("big", "2"), bytes.length)).isEqualTo(bytes);
      assertThat(registry.fetch(registry.require("big", "1"), 3)).containsExactly(1, 2, 3);
      assertThat(registry.push(raw("big", "2", file), RAW).alreadyStored()).isTrue();
      assertThat(registry.versions("big")).extracting(ModelVersion::version).containsExactly("1", "2");
    }
  }

  @Test
  void shouldRefuseAFileThatFailsItsChecksAndStoreNothing(@TempDir Path dir, TestInfo test) throws Exception {
    Path onnx = TestModels.train(dir.resolve("m.onnx"), "m", "1", List.of("x", "y"), 1);
    byte[] whole = Files.readAllBytes(onnx);
    Path cut = Files.write(dir.resolve("cut.onnx"), java.util.Arrays.copyOf(whole, whole.length - 100));
    try (ModelRegistry registry = open(test)) {
      assertThatThrownBy(() -> registry.push(new PushRequest("m", "1", "onnx", cut), ModelLoader.serviceLoader()))
          .isInstanceOf(ModelException.class).hasMessageContaining("is refused");
      assertThatThrownBy(() -> registry.push(new PushRequest("m", "1", "onnx", onnx, List.of("y", "x"), null,
          ModelFiles.DEFAULT_MAX_BYTES), ModelLoader.serviceLoader()))
          .isInstanceOf(ModelException.class)
          .hasMessageContaining("it was trained on the inputs [x, y] but [y, x] were given");

      assertThat(registry.versions("m")).isEmpty();
    }
  }

  @Test
  void shouldApplyEveryChangeFromConcurrentWriters(@TempDir Path dir, TestInfo test) throws Exception {
    try (ModelRegistry first = open(test);
         ModelRegistry second = ModelRegistry.open(TestPulsar.client(), TestPulsar.admin(), first.namespace(),
             Clock.systemUTC())) {
      for (int v = 1; v <= 10; v++) {
        first.push(raw("m", Integer.toString(v), Files.write(dir.resolve(v + ".raw"), new byte[] {(byte) v})), RAW);
      }
      second.refresh();
      ExecutorService writers = Executors.newFixedThreadPool(2);
      List<Future<?>> done = new ArrayList<>();
      done.add(writers.submit(() -> {
        for (int v = 1; v <= 10; v += 2) {
          first.promote("m", Integer.toString(v));
        }
      }));
      done.add(writers.submit(() -> {
        for (int v = 2; v <= 10; v += 2) {
          second.promote("m", Integer.toString(v));
        }
      }));
      for (Future<?> f : done) {
        f.get();
      }
      writers.shutdown();
      first.refresh();

      Channel channel = first.channel("m");
      List<String> all = new ArrayList<>(channel.history());
      all.add(channel.champion());
      assertThat(new HashSet<>(all)).as("no promotion was lost").hasSize(10);
    }
  }
}
