package dev.gyre.cli;

import dev.gyre.registry.Channel;
import dev.gyre.registry.ModelRegistry;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code gyre model rollback NAME}: the previous champion serves again. */
@Command(name = "rollback", description = {
    "Make the previous champion of model NAME the champion again; repeat to go further back."})
final class ModelRollbackCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "NAME", description = "the model's name")
  String name;

  @Mixin
  RegistryOptions where;

  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec command;

  @Override
  public Integer call() {
    try (RegistryOptions connection = where; ModelRegistry registry = connection.open(null)) {
      String from = registry.channel(name).champion();
      Channel after = registry.rollback(name);
      command.commandLine().getOut().printf("Rolled back model '%s' in %s: version %s serves again (was %s).%n",
          name, registry.namespace(), after.champion(), from);
    }
    return Gyre.OK;
  }
}
