package dev.gyre.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import com.fasterxml.jackson.databind.JsonNode;
import dev.gyre.cli.demo.SensorData;
import dev.gyre.cli.internal.ModelTraining;
import dev.gyre.core.driver.PipelineDriver;
import dev.gyre.core.event.EventCodec;
import dev.gyre.core.plan.ModelLoader;
import dev.gyre.core.plan.PipelinePlan;
import dev.gyre.core.plan.PipelinePlanner;
import dev.gyre.spec.SpecLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A forest trained by {@code gyre train --algorithm forest} scores the sensor pipeline, through the
 * same stage code as online, with exactly the probabilities ONNX Runtime gives for the same rows.
 */
class ForestPipelineParityTest {
  private static final List<String> INPUTS = List.of("temp_scaled", "hour_sin", "hour_cos");
  private static final int EVENTS = 2_000;

  @Test
  void shouldPredictExactlyWhatOnnxRuntimeComputesForEveryEvent(@TempDir Path dir) throws Exception {
    Path spec = CliRun.sensorExample(dir);
    Path csv = dir.resolve("train.csv");
    SensorData data = SensorData.read(dir.resolve("data/seattle-temps.csv"));
    data.writeTrainingSet(csv);
    ModelTraining.train(SpecLoader.load(spec), "score", csv, "warming", ModelTraining.forest(20, 8, 42L));
    Path model = dir.resolve("model/sensor-warming.onnx");

    List<float[]> rows = new ArrayList<>();
    List<JsonNode> outputs = new ArrayList<>();
    try (PipelinePlan plan = new PipelinePlanner(ModelLoader.serviceLoader()).plan(SpecLoader.load(spec));
        PipelineDriver driver = new PipelineDriver(plan, Clock.systemUTC())) {
      for (int i = 0; i < EVENTS; i++) {
        SensorData.Reading r = data.readings().get(i * 4);
        String event = "{\"deviceId\": \"d" + i % 4 + "\", \"temp\": " + r.temp() + ", \"ts\": " + r.ts() + "}";
        PipelineDriver.Result result = driver.send(null, event.getBytes(StandardCharsets.UTF_8));
        assertThat(result).as("event %d", i).isInstanceOf(PipelineDriver.Delivered.class);
        JsonNode out = EventCodec.mapper().readTree(((PipelineDriver.Delivered) result).value());
        float[] row = new float[INPUTS.size()];
        for (int c = 0; c < row.length; c++) {
          row[c] = out.get(INPUTS.get(c)).floatValue();
        }
        rows.add(row);
        outputs.add(out);
      }
    }

    OrtEnvironment env = OrtEnvironment.getEnvironment();
    OrtSession.SessionOptions options = new OrtSession.SessionOptions();
    options.setIntraOpNumThreads(1);   // as Gyre's default: the tree sums then add up in the same order
    try (OrtSession direct = env.createSession(model.toString(), options);
        OnnxTensor input = OnnxTensor.createTensor(env, rows.toArray(float[][]::new));
        OrtSession.Result result = direct.run(Map.of("input", input))) {
      List<String> labels = List.of(direct.getMetadata().getCustomMetadata().get("gyre.labels").split(","));
      float[][] probabilities = (float[][]) result.get("probabilities").orElseThrow().getValue();
      Set<String> predicted = new HashSet<>();
      for (int k = 0; k < EVENTS; k++) {
        int best = probabilities[k][1] > probabilities[k][0] ? 1 : 0;
        JsonNode out = outputs.get(k);
        assertThat(out.get("prediction").asText()).as("event %d", k).isEqualTo(labels.get(best));
        assertThat(out.get("probability").floatValue()).as("event %d", k).isEqualTo(probabilities[k][best]);
        assertThat(out.get("model_version").asText()).isEqualTo("1");
        predicted.add(labels.get(best));
      }
      assertThat(predicted).containsExactlyInAnyOrder("steady", "warming");
    }
  }
}
