package dev.gyre.cli;

import dev.gyre.core.plan.PipelinePlan;
import dev.gyre.pulsar.FunctionDeployer;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.pulsar.client.admin.PulsarAdmin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** {@code gyre undeploy SPEC}: removes the pipeline's functions. */
@Command(name = "undeploy", description = {
    "Remove the functions of a pipeline deployed with 'gyre deploy'. Topics, schemas and",
    "subscriptions stay, so a later deploy or 'gyre run' resumes where the functions stopped."})
final class UndeployCommand implements Callable<Integer> {
  @Mixin
  FunctionTarget target;

  @Spec
  picocli.CommandLine.Model.CommandSpec command;

  @Override
  public Integer call() {
    try (PipelinePlan plan = target.plan(); PulsarAdmin admin = target.admin();
         PulsarAdmin functions = target.functionsAdmin()) {
      List<String> removed = new FunctionDeployer(admin, functions).undeploy(plan);
      removed.forEach(f -> command.commandLine().getOut().println("removed " + f));
      if (removed.isEmpty()) {
        command.commandLine().getOut().println("nothing to remove: no function of pipeline '" + plan.spec().name()
            + "' is deployed");
      }
    }
    return Gyre.OK;
  }
}
