package dev.gyre.cli;

import dev.gyre.api.SpecException;
import dev.gyre.api.SpecProblem;
import dev.gyre.registry.Channel;
import dev.gyre.registry.ModelRegistry;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gyre model shadow NAME VERSION | --off}: a challenger scores every event into the shadow topic. */
@Command(name = "shadow", description = {
    "Let VERSION of model NAME score every event beside the champion, into the score stage's output",
    "topic with '-shadow' appended, without serving any key. --off ends the shadow."})
final class ModelShadowCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "NAME", description = "the model's name")
  String name;

  @Parameters(index = "1", arity = "0..1", paramLabel = "VERSION", description = "the challenger (not with --off)")
  String version;

  @Option(names = "--off", description = "end the shadow")
  boolean off;

  @Mixin
  RegistryOptions where;

  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec command;

  @Override
  public Integer call() {
    if ((version == null) != off) {
      throw new SpecException(new SpecProblem("VERSION", 0, version, off
          ? "cannot be given with --off; use either a version or --off"
          : "is required; name the version to run in shadow, or end the shadow with --off"));
    }
    try (RegistryOptions connection = where; ModelRegistry registry = connection.open(null)) {
      Channel after = registry.shadow(name, off ? null : version);
      if (after.shadow() == null) {
        command.commandLine().getOut().printf("No shadow for model '%s' in %s.%n", name, registry.namespace());
      } else {
        command.commandLine().getOut().printf("Shadow: model '%s' version %s scores every event into the"
            + " shadow topic (<output>-shadow); champion %s serves.%n", name, after.shadow(), after.champion());
      }
    }
    return Gyre.OK;
  }
}
