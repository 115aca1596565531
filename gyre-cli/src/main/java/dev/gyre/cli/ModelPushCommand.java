package dev.gyre.cli;

import dev.gyre.api.SpecException;
import dev.gyre.api.SpecProblem;
import dev.gyre.core.plan.ModelLoader;
import dev.gyre.registry.ModelFiles;
import dev.gyre.registry.ModelRegistry;
import dev.gyre.registry.ModelVersion;
import dev.gyre.registry.PushRequest;
import dev.gyre.registry.PushResult;
import dev.gyre.spec.ModelSpec;
import dev.gyre.spec.ScoreStageSpec;
import dev.gyre.spec.SpecLoader;
import dev.gyre.spec.StageSpec;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gyre model push}: checks a model file and stores it as a new version. */
@Command(name = "push", description = {
    "Check a model file and store it in the registry as a new version (versions never change).",
    "From a spec: the score stage's model name, version, file, inputs and registry;",
    "or give --name, --version and --file (inputs come from the model's gyre.inputs, or --inputs)."})
final class ModelPushCommand implements Callable<Integer> {
  @Parameters(index = "0", arity = "0..1", paramLabel = "SPEC", description = "a pipeline spec (YAML)")
  Path specFile;

  @Option(names = "--stage", paramLabel = "NAME", description = "the spec's score stage (default: the first)")
  String stage;

  @Option(names = "--name", paramLabel = "NAME", description = "the model's name (without a spec)")
  String name;

  @Option(names = "--version", paramLabel = "VERSION", description = "the version to store (overrides the spec's)")
  String version;

  @Option(names = "--file", paramLabel = "FILE", description = "the model file (overrides the spec's model.path)")
  Path file;

  @Option(names = "--format", paramLabel = "FORMAT", description = "the model format (default: the spec's, else onnx)")
  String format;

  @Option(names = "--inputs", split = ",", paramLabel = "FEATURE",
      description = "the model's inputs, in order, comma-separated (default: the spec's, else the model's gyre.inputs)")
  List<String> inputs;

  @Option(names = "--sha256", paramLabel = "HEX", description = "refuse the file unless it has this SHA-256")
  String sha256;

  @Option(names = "--max-bytes", paramLabel = "N", description = "the largest file accepted (default: 268435456)")
  long maxBytes = ModelFiles.DEFAULT_MAX_BYTES;

  @Mixin
  RegistryOptions where;

  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec command;

  @Override
  public Integer call() {
    ModelSpec fromSpec = specFile == null ? null : scoreStageModel();
    List<SpecProblem> problems = new ArrayList<>();
    String n = name != null ? name : fromSpec != null ? fromSpec.name() : null;
    String v = version != null ? version : fromSpec != null ? fromSpec.version() : null;
    Path f = file != null ? file : fromSpec != null ? fromSpec.path() : null;
    if (n == null) {
      problems.add(new SpecProblem("--name", 0, null, "is required without a SPEC; name the model"));
    }
    if (v == null) {
      problems.add(new SpecProblem("--version", 0, null, "is required without a SPEC; give the new version"));
    }
    if (f == null) {
      problems.add(new SpecProblem("--file", 0, null, "is required without a SPEC; give the model file"));
    }
    if (!problems.isEmpty()) {
      throw new SpecException(problems);
    }
    String fmt = format != null ? format : fromSpec != null ? fromSpec.format() : "onnx";
    List<String> in = inputs != null ? inputs : fromSpec != null ? fromSpec.inputs() : null;
    PrintWriter out = command.commandLine().getOut();
    try (RegistryOptions connection = where; ModelRegistry registry = connection.open(fromSpec == null ? null : fromSpec.registry())) {
      PushResult result = registry.push(new PushRequest(n, v, fmt, f, in, sha256, maxBytes), ModelLoader.serviceLoader());
      ModelVersion stored = result.version();
      if (result.alreadyStored()) {
        out.printf("Model '%s' version %s is in %s already, with the same file (sha256 %s); nothing was written.%n",
            n, v, registry.namespace(), stored.sha256());
      } else {
        out.printf("Pushed model '%s' version %s to %s: %,d bytes, sha256 %s, inputs %s%n", n, v,
            registry.namespace(), stored.sizeBytes(), stored.sha256(), String.join(", ", stored.inputs()));
      }
      ModelListCommand.accuracy(stored).ifPresent(a -> out.println("  holdout accuracy " + a + " (training report)"));
      out.printf("Serve it with: gyre model promote %s %s --registry %s%n", n, v, registry.namespace());
    }
    return Gyre.OK;
  }

  private ModelSpec scoreStageModel() {
    List<StageSpec> stages = SpecLoader.load(specFile).spec().stages();
    return stages.stream().filter(s -> s instanceof ScoreStageSpec && (stage == null || s.name().equals(stage)))
        .map(s -> ((ScoreStageSpec) s).model()).findFirst()
        .orElseThrow(() -> new SpecException(new SpecProblem("--stage", 0, stage, "is not a score stage of "
            + specFile + "; score stages: " + stages.stream().filter(ScoreStageSpec.class::isInstance)
            .map(StageSpec::name).toList())));
  }
}
