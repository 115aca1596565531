package dev.gyre.spec;

import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.gyre.api.SpecException;
import dev.gyre.api.SpecProblem;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/** Test helpers: specs as text, and their problems as rendered lines. */
final class Specs {
  static final Path BASE = Path.of("/specs");

  /** The smallest valid spec; tests add to it or break it. */
  static final String MINIMAL = """
      name: p
      source:
        topic: persistent://t/n/in
        schema:
          fields:
            x: double
      stages:
        - name: f
          type: features
          output: persistent://t/n/out
          features:
            - y = x * 2
      """;

  private Specs() {}

  /** The seed spec from the design, with its comments. */
  static String seed() {
    try (InputStream in = Specs.class.getResourceAsStream("/specs/seed.yaml")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static PipelineSpec parse(String yaml) {
    return SpecLoader.parse(yaml, BASE).spec();
  }

  /** The problems {@code yaml} has, rendered; fails if it loads. */
  static List<String> problems(String yaml) {
    return exception(yaml).problems().stream().map(SpecProblem::toString).toList();
  }

  static SpecException exception(String yaml) {
    SpecException e = catchThrowableOfType(SpecException.class, () -> SpecLoader.parse(yaml, BASE));
    if (e == null) {
      throw new AssertionError("expected problems, but the spec loaded:\n" + yaml);
    }
    return e;
  }
}
