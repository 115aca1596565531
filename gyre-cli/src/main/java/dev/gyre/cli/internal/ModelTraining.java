package dev.gyre.cli.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gyre.api.ModelException;
import dev.gyre.api.SpecException;
import dev.gyre.api.SpecProblem;
import dev.gyre.backfill.CsvEvents;
import dev.gyre.core.driver.PipelineDriver;
import dev.gyre.core.event.EventCodec;
import dev.gyre.core.plan.PipelinePlan;
import dev.gyre.core.plan.PipelinePlanner;
import dev.gyre.spec.FieldSpec;
import dev.gyre.spec.ModelSpec;
import dev.gyre.spec.ScoreStageSpec;
import dev.gyre.spec.SpecDocument;
import dev.gyre.spec.StageSpec;
import dev.gyre.train.ForestSettings;
import dev.gyre.train.LogisticRegressionTrainer;
import dev.gyre.train.TrainerSettings;
import dev.gyre.train.TrainingReport;
import dev.gyre.train.TrainingSet;
import dev.gyre.train.TreeEnsembleTrainer;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Trains the model of a score stage from labelled CSV rows. Each row becomes a source event (its
 * columns named like the source fields, typed by the schema) and goes through the spec's stages
 * before the score stage with the very code that runs online, so training features equal serving
 * features by construction. Rows a stage rejects are counted and left out.
 */
public final class ModelTraining {
  private ModelTraining() {}

  /** What training did. */
  public record Outcome(TrainingReport report, int rowsRead, Map<String, Long> rejected, Path model) {
    public String summary() {
      StringBuilder text = new StringBuilder(String.format("Trained on %,d of %,d rows -> %s%n",
          report.rows(), rowsRead, model));
      rejected.forEach((reason, n) -> text.append(String.format("  left out %,d rows: %s%n", n, reason)));
      text.append(String.format("  holdout accuracy %.3f (majority baseline %.3f), ROC AUC %s",
          report.holdoutAccuracy(), report.baselineAccuracy(),
          Double.isNaN(report.holdoutRocAuc()) ? "n/a" : String.format("%.3f", report.holdoutRocAuc())));
      return text.toString();
    }
  }

  /** Fits a training set and writes the model: one of Gyre's trainers with its settings. */
  @FunctionalInterface
  public interface Trainer {
    /** Trains, evaluates and writes the model to {@code out}; see {@link LogisticRegressionTrainer#train}. */
    TrainingReport train(TrainingSet set, String modelName, String version, Path out);
  }

  /** Logistic regression ({@link LogisticRegressionTrainer}). */
  public static Trainer logistic(int epochs, long seed) {
    return new LogisticRegressionTrainer(TrainerSettings.DEFAULTS.withEpochs(epochs).withSeed(seed))::train;
  }

  /** A random forest exported as a TreeEnsembleClassifier ({@link TreeEnsembleTrainer}). */
  public static Trainer forest(int trees, int maxDepth, long seed) {
    return new TreeEnsembleTrainer(ForestSettings.DEFAULTS.withTrees(trees).withMaxDepth(maxDepth).withSeed(seed))::train;
  }

  /** {@link #train(SpecDocument, String, Path, String, Trainer)} with a logistic regression. */
  public static Outcome train(SpecDocument document, String stageName, Path csv, String labelColumn, int epochs,
      long seed) {
    return train(document, stageName, csv, labelColumn, logistic(epochs, seed));
  }

  /** Trains the stage's model on the CSV's rows, passed through the spec's earlier stages, with {@code trainer}. */
  public static Outcome train(SpecDocument document, String stageName, Path csv, String labelColumn, Trainer trainer) {
    List<StageSpec> stages = document.spec().stages();
    int index = -1;
    for (int i = 0; i < stages.size(); i++) {
      if (stages.get(i).name().equals(stageName) && stages.get(i) instanceof ScoreStageSpec) {
        index = i;
      }
    }
    if (index < 0) {
      throw new SpecException(new SpecProblem("--stage", 0, stageName, "is not a score stage of the spec;"
          + " score stages: " + stages.stream().filter(ScoreStageSpec.class::isInstance).map(StageSpec::name).toList()));
    }
    ModelSpec model = ((ScoreStageSpec) stages.get(index)).model();
    List<float[]> rows = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    Map<String, Long> rejected = new TreeMap<>();
    int read = 0;
    EventCodec codec = new EventCodec(Integer.MAX_VALUE);
    try (PipelinePlan plan = new PipelinePlanner(d -> {
          throw new ModelException("not loaded while training");
        }).plan(document, index);
         PipelineDriver driver = new PipelineDriver(plan, Clock.systemUTC());
         Reader in = Files.newBufferedReader(csv)) {
      List<FieldSpec> fields = document.spec().source().schema().fields();
      for (CSVRecord row : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
        read++;
        if (!row.isMapped(labelColumn)) {
          throw new SpecException(new SpecProblem("--label", 0, labelColumn, "is not a column of " + csv
              + "; columns: " + row.getParser().getHeaderNames()));
        }
        ObjectNode event = CsvEvents.toEvent(row, fields);
        byte[] payload = codec.encode(event);
        PipelineDriver.Result result = driver.send(null, payload);
        if (result instanceof PipelineDriver.DeadLettered dead) {
          rejected.merge(dead.stage() + ": " + dead.reason(), 1L, Long::sum);
          continue;
        }
        ObjectNode features = (ObjectNode) EventCodec.mapper().readTree(((PipelineDriver.Delivered) result).value());
        float[] x = new float[model.inputs().size()];
        for (int i = 0; i < x.length; i++) {
          JsonNode v = features.get(model.inputs().get(i));
          x[i] = v == null || v.isNull() ? Float.NaN : v.isBoolean() ? (v.booleanValue() ? 1f : 0f) : v.floatValue();
        }
        rows.add(x);
        labels.add(row.get(labelColumn));
      }
      Files.createDirectories(model.path().toAbsolutePath().getParent());
      TrainingReport report =
          trainer.train(new TrainingSet(model.inputs(), rows, labels), model.name(), model.version(), model.path());
      return new Outcome(report, read, rejected, model.path());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + csv, e);
    }
  }

  /**
   * Trains the stage's model on a training set written by {@code gyre backfill}: its rows already
   * carry the features, computed as of each event, so they are read as they are, not recomputed.
   * Rows with an empty label (events without an outcome) are left out; an empty input reads as
   * missing (NaN), as online.
   */
  public static Outcome trainOnFeatures(SpecDocument document, String stageName, Path csv, String labelColumn,
      Trainer trainer) {
    ModelSpec model = document.spec().stages().stream()
        .filter(s -> s.name().equals(stageName) && s instanceof ScoreStageSpec).map(s -> ((ScoreStageSpec) s).model())
        .findFirst().orElseThrow(() -> new SpecException(new SpecProblem("--stage", 0, stageName,
            "is not a score stage of the spec")));
    List<float[]> rows = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    Map<String, Long> rejected = new TreeMap<>();
    int read = 0;
    try (Reader in = Files.newBufferedReader(csv)) {
      for (CSVRecord row : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
        read++;
        for (String column : concat(model.inputs(), labelColumn)) {
          if (!row.isMapped(column)) {
            throw new SpecException(new SpecProblem(column.equals(labelColumn) ? "--label" : "model.inputs", 0, column,
                "is not a column of " + csv + "; columns: " + row.getParser().getHeaderNames()));
          }
        }
        if (row.get(labelColumn).isBlank()) {
          rejected.merge("no label", 1L, Long::sum);
          continue;
        }
        float[] x = new float[model.inputs().size()];
        for (int i = 0; i < x.length; i++) {
          String v = row.get(model.inputs().get(i)).trim();
          try {
            x[i] = v.isEmpty() ? Float.NaN : v.equals("true") ? 1f : v.equals("false") ? 0f : Float.parseFloat(v);
          } catch (NumberFormatException e) {
            throw new SpecException(new SpecProblem("model.inputs", 0, model.inputs().get(i), "is '" + v + "' in row "
                + read + " of " + csv + ", not a number; a model input must be a number or boolean feature"));
          }
        }
        rows.add(x);
        labels.add(row.get(labelColumn).trim());
      }
      Files.createDirectories(model.path().toAbsolutePath().getParent());
      TrainingReport report =
          trainer.train(new TrainingSet(model.inputs(), rows, labels), model.name(), model.version(), model.path());
      return new Outcome(report, read, rejected, model.path());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + csv, e);
    }
  }

  private static List<String> concat(List<String> inputs, String label) {
    List<String> all = new ArrayList<>(inputs);
    all.add(label);
    return all;
  }
}
