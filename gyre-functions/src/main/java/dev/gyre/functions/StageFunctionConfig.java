package dev.gyre.functions;

import dev.gyre.api.SpecException;
import dev.gyre.api.SpecProblem;
import dev.gyre.spec.SpecDocument;
import dev.gyre.spec.SpecLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The user config of a {@link GyreStageFunction}: the JSON map given to
 * {@code pulsar-admin functions create --user-config}. Keys:
 *
 * <ul>
 *   <li>{@value #STAGE} (required): the name of the stage this function runs.</li>
 *   <li>{@value #SPEC}: the whole pipeline spec, as YAML text.</li>
 *   <li>{@value #SPEC_PATH}: instead of {@value #SPEC}, the path of the spec file on the worker's
 *       file system; relative model paths resolve against the file's directory.</li>
 *   <li>{@value #SPEC_DIR} (optional, with {@value #SPEC} only): the directory, on the worker, that
 *       relative model paths resolve against. Without it they are taken as written, relative to the
 *       function instance's working directory.</li>
 * </ul>
 *
 * <pre>{@code
 * --user-config '{"stage": "score", "specPath": "/srv/gyre/sensor/pipeline.yaml"}'
 * }</pre>
 *
 * @param stage    the stage's name
 * @param spec     the spec's text, or {@code null} when {@code specPath} is given
 * @param specPath the spec file, or {@code null} when {@code spec} is given
 * @param specDir  the directory relative model paths resolve against, or {@code null}
 */
public record StageFunctionConfig(String stage, String spec, Path specPath, Path specDir) {
  public static final String STAGE = "stage";
  public static final String SPEC = "spec";
  public static final String SPEC_PATH = "specPath";
  public static final String SPEC_DIR = "specDir";
  private static final Set<String> KEYS = new TreeSet<>(List.of(STAGE, SPEC, SPEC_PATH, SPEC_DIR));

  /**
   * Reads a user config map, reporting every problem at once.
   *
   * @throws SpecException naming each missing, misspelt or ill-typed key and what to write instead
   */
  public static StageFunctionConfig of(Map<String, Object> userConfig) {
    Map<String, Object> config = userConfig == null ? Map.of() : userConfig;
    List<SpecProblem> problems = new ArrayList<>();
    for (String key : config.keySet()) {
      if (!KEYS.contains(key)) {
        problems.add(problem(key, String.valueOf(config.get(key)), "is not a key Gyre's function reads; keys: "
            + String.join(", ", KEYS)));
      }
    }
    String stage = text(config, STAGE, problems);
    String spec = text(config, SPEC, problems);
    String specPath = text(config, SPEC_PATH, problems);
    String specDir = text(config, SPEC_DIR, problems);
    if (stage == null && !config.containsKey(STAGE)) {
      problems.add(problem(STAGE, null, "is required; add \"stage\": \"<the name of a stage in the spec>\""));
    }
    if (spec == null && specPath == null && !config.containsKey(SPEC) && !config.containsKey(SPEC_PATH)) {
      problems.add(problem(SPEC, null, "is required, or specPath instead; add \"spec\": \"<the pipeline YAML>\""
          + " or \"specPath\": \"<a spec file the worker can read>\""));
    } else if (spec != null && specPath != null) {
      problems.add(problem(SPEC_PATH, specPath, "is given together with spec; keep one of the two"));
    }
    if (specDir != null && specPath != null) {
      problems.add(problem(SPEC_DIR, specDir, "only applies to an inline spec; with specPath, relative model"
          + " paths resolve against the spec file's directory, so remove specDir"));
    }
    if (!problems.isEmpty()) {
      throw new SpecException(problems);
    }
    return new StageFunctionConfig(stage, spec, specPath == null ? null : Path.of(specPath),
        specDir == null ? null : Path.of(specDir));
  }

  /** This config as a user config map, the inverse of {@link #of}. */
  public Map<String, Object> toUserConfig() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put(STAGE, stage);
    if (spec != null) {
      map.put(SPEC, spec);
    }
    if (specPath != null) {
      map.put(SPEC_PATH, specPath.toString());
    }
    if (specDir != null) {
      map.put(SPEC_DIR, specDir.toString());
    }
    return map;
  }

  /**
   * Loads the spec this config names.
   *
   * @throws SpecException with every problem of the spec, or naming the file if it cannot be read
   */
  public SpecDocument load() {
    return specPath != null ? SpecLoader.load(specPath) : SpecLoader.parse(spec, specDir);
  }

  private static String text(Map<String, Object> config, String key, List<SpecProblem> problems) {
    Object value = config.get(key);
    if (value == null) {
      return null;
    }
    if (!(value instanceof String s) || s.isBlank()) {
      problems.add(problem(key, String.valueOf(value), "must be a non-empty string"));
      return null;
    }
    return s;
  }

  private static SpecProblem problem(String key, String value, String reason) {
    String shown = value != null && value.length() > 80 ? value.substring(0, 77) + "..." : value;
    return new SpecProblem("--user-config." + key, 0, shown, reason);
  }
}
