package dev.gyre.registry;

import ai.onnx.proto.OnnxMl;
import dev.gyre.train.LogisticRegressionTrainer;
import dev.gyre.train.TrainerSettings;
import dev.gyre.train.TrainingSet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Small real ONNX models, trained with Gyre's trainer on synthetic rows, and damaged copies of them. */
final class TestModels {
  /** Kept so the level holds: Tribuo logs every training run at INFO. */
  private static final Logger TRIBUO_LOG = Logger.getLogger("org.tribuo");

  static {
    TRIBUO_LOG.setLevel(Level.WARNING);
  }

  private TestModels() {}

  /** A binary classifier on {@code features} ("yes" when the first minus the second is large), trained with {@code seed}. */
  static Path train(Path file, String name, String version, List<String> features, long seed) {
    Random random = new Random(seed);
    List<float[]> rows = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    for (int r = 0; r < 400; r++) {
      float[] row = new float[features.size()];
      for (int i = 0; i < row.length; i++) {
        row[i] = (float) random.nextGaussian();
      }
      rows.add(row);
      labels.add(row[0] - (row.length > 1 ? row[1] : 0) + 0.3 * random.nextGaussian() > 0.5 ? "yes" : "no");
    }
    new LogisticRegressionTrainer(TrainerSettings.DEFAULTS.withEpochs(5).withSeed(seed))
        .train(new TrainingSet(features, rows, labels), name, version, file);
    return file;
  }

  /** A copy of an ONNX model whose first initializer keeps its data in the file {@code location}. */
  static Path withExternalData(Path onnx, Path out, String location) {
    try {
      OnnxMl.ModelProto model = OnnxMl.ModelProto.parseFrom(Files.readAllBytes(onnx));
      OnnxMl.GraphProto.Builder graph = model.getGraph().toBuilder();
      OnnxMl.TensorProto tensor = graph.getInitializer(0).toBuilder().clearRawData().clearFloatData()
          .setDataLocation(OnnxMl.TensorProto.DataLocation.EXTERNAL)
          .addExternalData(OnnxMl.StringStringEntryProto.newBuilder().setKey("location").setValue(location))
          .build();
      graph.setInitializer(0, tensor);
      Files.write(out, model.toBuilder().setGraph(graph).build().toByteArray());
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
