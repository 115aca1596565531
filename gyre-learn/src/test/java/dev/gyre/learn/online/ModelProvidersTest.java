package dev.gyre.learn.online;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gyre.api.Model;
import dev.gyre.api.ModelDescriptor;
import dev.gyre.api.ModelException;
import dev.gyre.api.ModelProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelProvidersTest {
  @TempDir Path dir;

  static Map<String, ModelProvider> providers() {
    return ServiceLoader.load(ModelProvider.class).stream().map(ServiceLoader.Provider::get)
        .collect(Collectors.toMap(ModelProvider::format, Function.identity()));
  }

  @Test
  void shouldFindBothFormatsThroughServiceLoader() {
    assertThat(providers()).containsKeys("gyre-ftrl", "gyre-hoeffding");
  }

  @Test
  void shouldServeAPushedSnapshotUnderTheRegistrysVersion() throws Exception {
    LearnedModel ftrl = FtrlLearnerTest.trained(1000).snapshot("local-3");
    LearnedModel tree = HoeffdingTreeLearnerTest.trainedTree(3000, HoeffdingTreeLearner.LeafPrediction.ADAPTIVE)
        .snapshot("local-8");
    for (LearnedModel snapshot : List.of(ftrl, tree)) {
      Path file = Files.write(dir.resolve(snapshot.format()), snapshot.toBytes());
      var d = new ModelDescriptor("served", "5", snapshot.format(), file, snapshot.inputs(), Map.of());

      try (Model model = providers().get(snapshot.format()).load(d)) {
        assertThat(model.name()).isEqualTo("served");
        assertThat(model.version()).isEqualTo("5");
        float[] x = new float[snapshot.inputs().size()];
        x[0] = 0.4f;
        assertThat(model.predict(x)).isEqualTo(snapshot.predict(x));
      }
    }
  }

  @Test
  void shouldRefuseOtherInputsUnknownOptionsAndOversizedFiles() throws Exception {
    LearnedModel ftrl = FtrlLearnerTest.trained(100).snapshot("1");
    Path file = Files.write(dir.resolve("m"), ftrl.toBytes());
    ModelProvider provider = providers().get("gyre-ftrl");

    assertThatThrownBy(() -> provider.load(new ModelDescriptor("m", "1", "gyre-ftrl", file, List.of("b", "a", "noise"),
        Map.of()))).isInstanceOf(ModelException.class).hasMessageContaining("takes inputs [a, b, noise] but the spec gives [b, a, noise]");
    assertThatThrownBy(() -> provider.load(new ModelDescriptor("m", "1", "gyre-ftrl", file, List.of(),
        Map.of("threads", "2")))).hasMessageContaining("option 'threads' is unknown to format gyre-ftrl");
    assertThatThrownBy(() -> provider.load(new ModelDescriptor("m", "1", "gyre-ftrl", file, List.of(),
        Map.of("maxBytes", "10")))).hasMessageContaining("over maxBytes 10");
    assertThatThrownBy(() -> providers().get("gyre-hoeffding").load(new ModelDescriptor("m", "1", "gyre-hoeffding",
        file, List.of(), Map.of()))).hasMessageContaining("not a gyre-hoeffding model");
  }
}
