package dev.gyre.cli;

import dev.gyre.core.plan.PipelinePlan;
import dev.gyre.pulsar.FunctionDeployer;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.apache.pulsar.client.admin.PulsarAdmin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** {@code gyre status SPEC}: how each deployed stage is doing. */
@Command(name = "status", description = {
    "Show each deployed stage's function: instances running, events received and processed,",
    "errors, average latency, input rate and backlog, and dead letters. Exit code 1 if a stage",
    "is not fully running."})
final class StatusCommand implements Callable<Integer> {
  @Mixin
  FunctionTarget target;

  @Spec
  picocli.CommandLine.Model.CommandSpec command;

  @Override
  public Integer call() {
    PrintWriter out = command.commandLine().getOut();
    boolean healthy = true;
    try (PipelinePlan plan = target.plan(); PulsarAdmin admin = target.admin()) {
      out.printf("%-12s %-9s %10s %10s %7s %9s %9s %8s %6s  %s%n", "stage", "instances", "received", "processed",
          "errors", "latency", "rate in/s", "backlog", "dlq", "function");
      for (FunctionDeployer.StageStatus s : new FunctionDeployer(admin).status(plan)) {
        out.printf("%-12s %4d/%-4d %10d %10d %7d %7.2fms %9.1f %8d %6d  %s%n", s.stage(), s.running(), s.instances(),
            s.received(), s.processed(), s.userErrors() + s.systemErrors(), s.averageLatencyMs(), s.rateIn(),
            s.backlog(), s.deadLetters(), s.function());
        s.errors().forEach(e -> out.println("             " + e));
        healthy &= s.instances() > 0 && s.running() == s.instances();
      }
    }
    return healthy ? Gyre.OK : Gyre.FAILURE;
  }
}
