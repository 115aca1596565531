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

/** {@code gyre model canary NAME VERSION --share S}: a challenger serves a sticky share of keys. */
@Command(name = "canary", description = {
    "Route a share of keys to VERSION of model NAME while the champion serves the rest. The choice is",
    "sticky by key (a hash of the key), so each entity sees one version. --share 0 ends the canary."})
final class ModelCanaryCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "NAME", description = "the model's name")
  String name;

  @Parameters(index = "1", arity = "0..1", paramLabel = "VERSION", description = "the challenger (not needed with --share 0)")
  String version;

  @Option(names = "--share", required = true, paramLabel = "S", description = "the share of keys, 0 to 1 (0.1 is 10%)")
  double share;

  @Mixin
  RegistryOptions where;

  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec command;

  @Override
  public Integer call() {
    if (version == null && share != 0) {
      throw new SpecException(new SpecProblem("VERSION", 0, null, "is required unless --share is 0; name the"
          + " version to serve as the canary"));
    }
    try (RegistryOptions connection = where; ModelRegistry registry = connection.open(null)) {
      Channel after = registry.canary(name, version, share);
      if (after.canary() == null) {
        command.commandLine().getOut().printf("No canary for model '%s' in %s; version %s serves every key.%n",
            name, registry.namespace(), after.champion());
      } else {
        command.commandLine().getOut().printf("Canary: model '%s' version %s serves %s of keys (sticky by key);"
            + " champion %s serves the rest.%n", name, after.canary(), percent(after.canaryShare()),
            after.champion());
      }
    }
    return Gyre.OK;
  }

  private static String percent(double share) {
    return String.format("%.1f%%", share * 100).replace(".0%", "%");
  }
}
