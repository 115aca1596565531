package dev.gyre.cli;

import dev.gyre.registry.Channel;
import dev.gyre.registry.ModelRegistry;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code gyre model promote NAME VERSION}: makes a version the champion. */
@Command(name = "promote", description = {
    "Make VERSION the champion of model NAME. Running score stages that follow the registry swap to it",
    "within about a second; the current champion is kept for gyre model rollback."})
final class ModelPromoteCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "NAME", description = "the model's name")
  String name;

  @Parameters(index = "1", paramLabel = "VERSION", description = "the version to serve")
  String version;

  @Mixin
  RegistryOptions where;

  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec command;

  @Override
  public Integer call() {
    try (RegistryOptions connection = where; ModelRegistry registry = connection.open(null)) {
      Channel before = registry.channel(name);
      Channel after = registry.promote(name, version);
      if (after == before || before.champion() != null && before.champion().equals(after.champion())) {
        command.commandLine().getOut().printf("Model '%s' version %s is the champion in %s already; nothing changed.%n",
            name, version, registry.namespace());
      } else {
        command.commandLine().getOut().printf("Promoted model '%s' version %s in %s (was %s). Stages following the"
            + " registry serve it within a second.%n", name, version, registry.namespace(),
            before.champion() == null ? "none" : before.champion());
      }
    }
    return Gyre.OK;
  }
}
