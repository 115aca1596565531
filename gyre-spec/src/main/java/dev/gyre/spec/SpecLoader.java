package dev.gyre.spec;

import dev.gyre.api.SpecException;
import dev.gyre.api.SpecProblem;
import dev.gyre.spec.internal.SpecReader;
import dev.gyre.spec.internal.YamlTree;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Reads pipeline specs from YAML. The whole file is checked before anything is returned: unknown
 * or misspelt keys, values of the wrong kind or out of range, missing keys, names and topics of the
 * wrong form, and topics that collide. Every problem found is reported together in one
 * {@link SpecException}, each with its YAML path and line (see {@code docs/spec-reference.md}).
 * Formula content and model files are not checked here: the formula compiler and the model
 * provider report those, and can use {@link SpecDocument#locations()} to point at the right line.
 *
 * <pre>{@code
 * try {
 *   PipelineSpec spec = SpecLoader.load(Path.of("examples/sensor/pipeline.yaml")).spec();
 * } catch (SpecException e) {
 *   e.problems().forEach(System.err::println);
 * }
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class SpecLoader {
  private SpecLoader() {}

  /**
   * Reads the spec in {@code file} (UTF-8). Relative model paths are resolved against the file's
   * directory, made absolute.
   *
   * @throws SpecException with every problem found, or one naming the file if it cannot be read
   */
  public static SpecDocument load(Path file) {
    Objects.requireNonNull(file, "file");
    String yaml;
    try {
      yaml = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw fileProblem(file, "does not exist; pass the path of a pipeline YAML file");
    } catch (CharacterCodingException e) {
      throw fileProblem(file, "is not UTF-8 text; save the spec as UTF-8");
    } catch (IOException e) {
      throw fileProblem(file, "could not be read: " + e);
    }
    return SpecReader.read(yaml, file.toAbsolutePath().normalize().getParent(), file);
  }

  /**
   * Reads a spec from text.
   *
   * @param yaml    the spec
   * @param baseDir the directory relative model paths are resolved against; {@code null} keeps
   *                them as written
   * @throws SpecException with every problem found
   */
  public static SpecDocument parse(String yaml, Path baseDir) {
    return SpecReader.read(Objects.requireNonNull(yaml, "yaml"), baseDir, null);
  }

  private static SpecException fileProblem(Path file, String reason) {
    return new SpecException(new SpecProblem(YamlTree.DOCUMENT, 0, file.toString(), reason));
  }
}
