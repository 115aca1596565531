package dev.gyre.functions;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gyre.api.ModelException;
import dev.gyre.core.driver.PipelineDriver;
import dev.gyre.core.event.EventCodec;
import dev.gyre.core.plan.PipelinePlan;
import dev.gyre.core.plan.PipelinePlanner;
import dev.gyre.spec.ModelSpec;
import dev.gyre.spec.ScoreStageSpec;
import dev.gyre.spec.SpecDocument;
import dev.gyre.spec.SpecLoader;
import dev.gyre.train.LogisticRegressionTrainer;
import dev.gyre.train.TrainingSet;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Trains the sensor example's model as {@code gyre train} does, without depending on the CLI: the
 * hourly readings of {@code data/seattle-temps.csv}, labelled {@code warming} when one of the next
 * three hours is at least 3 °F warmer (as {@code dev.gyre.cli.demo.SensorData} labels them), go
 * through the spec's feature stage, and a logistic regression learns the score stage's inputs.
 */
final class SensorModel {
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm");

  private SensorModel() {}

  static void train(Path specFile) throws Exception {
    SpecDocument document = SpecLoader.load(specFile);
    ModelSpec model = ((ScoreStageSpec) document.spec().stages().get(1)).model();
    List<String> lines = Files.readAllLines(specFile.resolveSibling("data/seattle-temps.csv"));
    List<Long> hours = new ArrayList<>();
    List<Double> temps = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] cells = line.split(",");
      hours.add(LocalDateTime.parse(cells[0], DATE).toEpochSecond(ZoneOffset.UTC));
      temps.add(Double.parseDouble(cells[1]));
    }
    List<float[]> rows = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    try (PipelinePlan plan = new PipelinePlanner(d -> {
          throw new ModelException("not loaded while training");
        }).plan(document, 1);
         PipelineDriver driver = new PipelineDriver(plan, Clock.systemUTC())) {
      for (int i = 0; i + 3 < temps.size(); i++) {
        String event = "{\"deviceId\": \"seattle\", \"temp\": " + temps.get(i) + ", \"ts\": " + hours.get(i) + "}";
        var result = (PipelineDriver.Delivered) driver.send(null, event.getBytes(StandardCharsets.UTF_8));
        JsonNode features = EventCodec.mapper().readTree(result.value());
        float[] row = new float[model.inputs().size()];
        for (int k = 0; k < row.length; k++) {
          row[k] = features.get(model.inputs().get(k)).floatValue();
        }
        rows.add(row);
        double now = temps.get(i);
        boolean warming = temps.get(i + 1) >= now + 3 || temps.get(i + 2) >= now + 3 || temps.get(i + 3) >= now + 3;
        labels.add(warming ? "warming" : "steady");
      }
    }
    new LogisticRegressionTrainer().train(new TrainingSet(model.inputs(), rows, labels), model.name(), model.version(),
        model.path());
  }
}
