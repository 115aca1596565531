package dev.gyre.cli;

import dev.gyre.api.SpecException;
import dev.gyre.api.SpecProblem;
import dev.gyre.core.plan.PipelinePlan;
import dev.gyre.pulsar.FunctionDeployer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.apache.pulsar.client.admin.PulsarAdmin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gyre deploy SPEC}: every stage as a plain Pulsar Function. */
@Command(name = "deploy", description = {
    "Deploy every stage of a pipeline as a plain Pulsar Function (one per stage, named",
    "<pipeline>-<stage>), creating missing topics and schemas. Deploying again updates in place.",
    "Model files must be readable at the same path by the functions worker."})
final class DeployCommand implements Callable<Integer> {
  @Mixin
  FunctionTarget target;

  @Option(names = "--jar", paramLabel = "JAR",
      description = "the Gyre functions jar (default: gyre-functions/target/gyre-functions.jar of this Gyre)")
  Path jar;

  @Spec
  picocli.CommandLine.Model.CommandSpec command;

  @Override
  public Integer call() throws IOException {
    Path functions = jar != null ? jar : defaultJar();
    if (!Files.isRegularFile(functions)) {
      throw new SpecException(new SpecProblem("--jar", 0, functions.toString(),
          "is not a file; build it with 'mvn -DskipTests install' or pass --jar"));
    }
    String specText = Files.readString(target.specFile);
    try (PipelinePlan plan = target.plan(); PulsarAdmin admin = target.admin();
         PulsarAdmin worker = target.functionsAdmin()) {
      Path specDir = target.specFile.toAbsolutePath().getParent();
      FunctionDeployer deployer = new FunctionDeployer(admin, worker);
      for (FunctionDeployer.Deployment d : deployer.deploy(plan, specText, specDir, functions)) {
        command.commandLine().getOut().printf("%s %s (stage %s)%n", d.created() ? "created" : "updated",
            d.function(), d.stage());
      }
    }
    return Gyre.OK;
  }

  private static Path defaultJar() {
    String root = System.getenv("GYRE_ROOT");
    return Path.of(root == null ? "." : root, "gyre-functions", "target", "gyre-functions.jar");
  }
}
