package dev.gyre.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gyre.registry.Channel;
import dev.gyre.registry.ModelRegistry;
import dev.gyre.registry.ModelVersion;
import java.io.PrintWriter;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code gyre model list [NAME]}: the versions of a model and their roles, or the models. */
@Command(name = "list", description = {
    "List the versions of a model, oldest first, with their role: champion, canary, shadow, or an earlier",
    "champion (which rollback returns to). Without NAME, list the models in the registry."})
final class ModelListCommand implements Callable<Integer> {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
  private static final ObjectMapper JSON = new ObjectMapper();

  @Parameters(index = "0", arity = "0..1", paramLabel = "NAME", description = "the model's name")
  String name;

  @Mixin
  RegistryOptions where;

  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec command;

  @Override
  public Integer call() {
    PrintWriter out = command.commandLine().getOut();
    try (RegistryOptions connection = where; ModelRegistry registry = connection.open(null)) {
      if (name == null) {
        List<String> models = registry.models();
        out.printf("%d model(s) in %s%n", models.size(), registry.namespace());
        for (String model : models) {
          Channel c = registry.channel(model);
          out.printf("  %-24s %3d version(s), champion %s%s%n", model, registry.versions(model).size(),
              c.champion() == null ? "none" : c.champion(), (c.canary() == null ? ""
                  : String.format(", canary %s (%.0f%% of keys)", c.canary(), c.canaryShare() * 100))
                  + (c.shadow() == null ? "" : ", shadow " + c.shadow()));
        }
        return Gyre.OK;
      }
      List<ModelVersion> versions = registry.versions(name);
      if (versions.isEmpty()) {
        out.printf("Model '%s' has no versions in %s; push one with gyre model push.%n", name, registry.namespace());
        return Gyre.FAILURE;
      }
      Channel channel = registry.channel(name);
      out.printf("Model '%s' in %s%n", name, registry.namespace());
      out.printf("  %-10s %-19s %10s  %-12s  %-8s  %-24s %s%n", "version", "pushed (UTC)", "bytes", "sha256",
          "accuracy", "role", "inputs");
      for (ModelVersion v : versions) {
        out.printf("  %-10s %-19s %,10d  %-12s  %-8s  %-24s %s%n", v.version(), TIME.format(v.pushedAt()),
            v.sizeBytes(), v.sha256().substring(0, 12), accuracy(v).orElse("-"), role(channel, v.version()),
            String.join(",", v.inputs()));
      }
      return Gyre.OK;
    }
  }

  private static String role(Channel channel, String version) {
    if (version.equals(channel.champion())) {
      return "champion";
    }
    if (version.equals(channel.canary())) {
      return String.format("canary (%.0f%% of keys)", channel.canaryShare() * 100);
    }
    if (version.equals(channel.shadow())) {
      return "shadow";
    }
    int back = channel.history().lastIndexOf(version);
    return back < 0 ? "" : "earlier champion (" + (channel.history().size() - back) + " back)";
  }

  /** The holdout accuracy of a version's training report, if it has one. */
  static Optional<String> accuracy(ModelVersion version) {
    if (version.trainingReport() == null) {
      return Optional.empty();
    }
    try {
      JsonNode accuracy = JSON.readTree(version.trainingReport()).get("holdoutAccuracy");
      return accuracy == null || !accuracy.isNumber() ? Optional.empty()
          : Optional.of(String.format("%.3f", accuracy.doubleValue()));
    } catch (java.io.IOException e) {
      return Optional.empty();
    }
  }
}
