package dev.gyre.spec.internal;

import static dev.gyre.spec.internal.SpecKeys.*;

import dev.gyre.spec.EnrichSpec;
import dev.gyre.spec.ErrorPolicy;
import dev.gyre.spec.FeatureSpec;
import dev.gyre.spec.FeatureStageSpec;
import dev.gyre.spec.ModelSpec;
import dev.gyre.spec.RemoteSpec;
import dev.gyre.spec.ScoreStageSpec;
import dev.gyre.spec.StageSpec;
import dev.gyre.spec.WindowSpec;
import java.net.URI;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/** Reads the {@code stages} list: each stage's common keys, its features or its model. */
final class StageReader {
  private final Problems problems;
  private final Path baseDir;

  /**
   * A stage as read, kept for the checks across stages.
   *
   * @param path            the stage's YAML path, such as {@code stages[1]}
   * @param name            the stage's name as read, or null when it had a problem
   * @param deadLetterTopic the dead-letter topic as written, or null when the default applies
   * @param stage           the record, or null when the stage had problems
   */
  record Draft(String path, String name, String output, String deadLetterTopic, StageSpec stage) {}

  StageReader(Problems problems, Path baseDir) {
    this.problems = problems;
    this.baseDir = baseDir;
  }

  List<Draft> read(List<Node> nodes) {
    List<Draft> drafts = new ArrayList<>();
    Map<String, String> names = new HashMap<>();
    for (int i = 0; i < nodes.size(); i++) {
      String path = "stages[" + i + "]";
      YamlMap stage = YamlMap.read(path, nodes.get(i), STAGES.path() + "[]", problems);
      if (stage == null) {
        continue;
      }
      drafts.add(read(stage, names));
    }
    return drafts;
  }

  private Draft read(YamlMap stage, Map<String, String> names) {
    int before = problems.count();
    String name = stage.name(STAGE_NAME);
    if (name != null && names.putIfAbsent(name, stage.path()) != null) {
      problems.add(stage.path(STAGE_NAME), "is also the name of " + names.get(name) + "; stage names must be unique");
    }
    String type = stage.choice(STAGE_TYPE);
    String output = stage.topic(OUTPUT);
    String deadLetter = stage.topic(DEAD_LETTER);
    Integer parallelism = stage.integer(PARALLELISM);
    String onErrorText = stage.choice(ON_ERROR);
    List<FeatureSpec> features = "features".equals(type) ? features(stage) : null;
    WindowSpec windows = features != null && stage.has(WINDOWS)
        ? new WindowReader(problems).read(stage.map(WINDOWS, true), features) : null;
    List<EnrichSpec> enrich = features != null ? new EnrichReader(problems).read(stage, taken(stage, features, windows))
        : List.of();
    ModelSpec model = "score".equals(type) ? model(stage.map(MODEL, true)) : null;
    refuseOther(stage, type, "features", MODEL);
    refuseOther(stage, type, "score", FEATURES);
    refuseOther(stage, type, "score", WINDOWS);
    refuseOther(stage, type, "score", ENRICH);
    if (problems.count() > before || type == null) {
      return new Draft(stage.path(), name, output, deadLetter, null);
    }
    String dlq = deadLetter != null ? deadLetter : StageSpec.defaultDeadLetterTopic(output);
    ErrorPolicy onError = Values.byYamlName(ErrorPolicy.values(), ErrorPolicy::yamlName, onErrorText);
    StageSpec spec = dlq.equals(output) ? null : "features".equals(type)
        ? new FeatureStageSpec(name, output, dlq, parallelism, onError, features, windows, enrich)
        : new ScoreStageSpec(name, output, dlq, parallelism, onError, model);
    return new Draft(stage.path(), name, output, deadLetter, spec);
  }

  /** The names the stage's features and aggregates take, with their paths, which enrich may not take too. */
  private static Map<String, String> taken(YamlMap stage, List<FeatureSpec> features, WindowSpec windows) {
    Map<String, String> taken = new LinkedHashMap<>();
    for (int i = 0; i < features.size(); i++) {
      taken.put(features.get(i).name(), "the feature " + stage.path(FEATURES) + "[" + i + "]");
    }
    if (windows != null) {
      windows.aggregates().forEach(a -> taken.put(a.name(), "an aggregate of " + stage.path(WINDOWS)));
    }
    return taken;
  }

  /** A key that belongs to the other stage type is a mistake worth naming, not an unknown key. */
  private void refuseOther(YamlMap stage, String type, String thisType, Option otherKey) {
    if (thisType.equals(type) && stage.has(otherKey)) {
      String otherType = otherKey == MODEL ? "score" : "features";
      problems.add(stage.path(otherKey), "is only used by stages of type " + otherType
          + "; remove it, or set type: " + otherType);
    }
  }

  private List<FeatureSpec> features(YamlMap stage) {
    List<Node> lines = stage.list(FEATURES, !stage.has(WINDOWS) && !stage.has(ENRICH));
    List<FeatureSpec> features = new ArrayList<>();
    Map<String, String> seen = new HashMap<>();
    for (int i = 0; lines != null && i < lines.size(); i++) {
      String path = stage.path(FEATURES) + "[" + i + "]";
      String line = scalar(path, lines.get(i), "a line 'name = expression'");
      try {
        FeatureSpec feature = line == null ? null : FeatureLines.split(line);
        if (feature != null && seen.putIfAbsent(feature.name(), path) != null) {
          problems.add(path, "defines '" + feature.name() + "' again, after " + seen.get(feature.name())
              + "; give each feature its own name");
        } else if (feature != null) {
          features.add(feature);
        }
      } catch (IllegalArgumentException e) {
        problems.add(path, e.getMessage());
      }
    }
    return features;
  }

  private ModelSpec model(YamlMap model) {
    if (model == null) {
      return null;
    }
    int before = problems.count();
    String name = model.text(MODEL_NAME);
    String version = model.text(MODEL_VERSION);
    String format = model.text(MODEL_FORMAT);
    String pathText = model.text(MODEL_PATH);
    boolean remote = ModelSpec.REMOTE_FORMAT.equals(format);
    checkPathForFormat(model, remote, pathText);
    Path path = null;
    try {
      path = pathText == null ? null : baseDir == null ? Path.of(pathText) : baseDir.resolve(pathText).normalize();
    } catch (InvalidPathException e) {
      problems.add(model.path(MODEL_PATH), "is not a valid file path: " + e.getReason());
    }
    String registry = model.namespace(MODEL_REGISTRY);
    List<Node> nodes = model.list(MODEL_INPUTS, true);
    List<String> inputs = new ArrayList<>();
    Map<String, Double> missing = new LinkedHashMap<>();
    for (int i = 0; nodes != null && i < nodes.size(); i++) {
      String itemPath = model.path(MODEL_INPUTS) + "[" + i + "]";
      String input = input(itemPath, nodes.get(i), missing);
      int first = input == null ? -1 : inputs.indexOf(input);
      if (first >= 0) {
        problems.add(itemPath, "repeats " + model.path(MODEL_INPUTS) + "[" + first + "]; list each input once");
      } else if (input != null) {
        identifier(itemPath, input);
      }
      inputs.add(input);
    }
    RemoteReader remoteReader = new RemoteReader(problems);
    URI url = remote ? remoteReader.url(model) : null;
    RemoteSpec remoteSpec = remote ? remoteReader.read(model.map(MODEL_REMOTE, false)) : null;
    if (problems.count() > before) {
      return null;
    }
    return (remote ? ModelSpec.remote(name, version, url, inputs, remoteSpec)
        : new ModelSpec(name, version, format, path, inputs, registry)).withMissing(missing);
  }

  /** One model input: a feature name, or the long form {@code {name, missing}}. */
  private String input(String itemPath, Node node, Map<String, Double> missing) {
    if (!(node instanceof MappingNode)) {
      return scalar(itemPath, node, "a feature name, or a map with name and missing");
    }
    YamlMap longForm = YamlMap.read(itemPath, node, "stages[].model.inputs[]", problems);
    String name = longForm == null ? null : longForm.text(MODEL_INPUT_NAME);
    String policy = longForm == null ? null : longForm.text(MODEL_INPUT_MISSING);
    if (name != null && policy != null && !policy.equals(MODEL_INPUT_MISSING.defaultValue())) {
      try {
        missing.put(name, Values.number(policy));
      } catch (IllegalArgumentException e) {
        problems.add(longForm.path(MODEL_INPUT_MISSING), "is neither 'dead-letter' nor a finite number; write"
            + " 'missing: 0.0' to score a missing value as 0, or leave it out to dead-letter the event");
      }
    }
    return name;
  }

  /** {@code path} is required by file formats; a remote format has {@code url} instead, and no registry. */
  private void checkPathForFormat(YamlMap model, boolean remote, String pathText) {
    if (remote) {
      for (Option fileOnly : List.of(MODEL_PATH, MODEL_REGISTRY)) {
        if (model.has(fileOnly)) {
          problems.add(model.path(fileOnly), "is not used by format " + ModelSpec.REMOTE_FORMAT
              + ", which calls the model server at url; remove it");
        }
      }
      return;
    }
    if (!model.has(MODEL_PATH) || (pathText != null && pathText.isBlank())) {
      problems.add(model.path(MODEL_PATH), (model.has(MODEL_PATH) ? "is empty" : "is required")
          + "; for example 'path: " + MODEL_PATH.example() + "'");
    }
    for (Option remoteOnly : List.of(MODEL_URL, MODEL_REMOTE)) {
      if (model.has(remoteOnly)) {
        problems.add(model.path(remoteOnly), "is only used by format " + ModelSpec.REMOTE_FORMAT
            + "; remove it, or set format: " + ModelSpec.REMOTE_FORMAT);
      }
    }
  }

  private void identifier(String path, String name) {
    try {
      Values.identifier(name, "feature name");
    } catch (IllegalArgumentException e) {
      problems.add(path, e.getMessage());
    }
  }

  /** The item's text, or null after reporting that it is not a single value. */
  private String scalar(String path, Node node, String expected) {
    if (YamlTree.isScalar(node)) {
      return ((ScalarNode) node).getValue();
    }
    problems.add(path, "is " + YamlTree.kind(node) + " where " + expected + " is expected");
    return null;
  }
}
