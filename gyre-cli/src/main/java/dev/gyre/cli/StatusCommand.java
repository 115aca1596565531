package dev.gyre.cli;

import dev.gyre.core.plan.PipelinePlan;
import dev.gyre.pulsar.FunctionDeployer;
import dev.gyre.pulsar.StageHostStatus;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.apache.pulsar.client.admin.PulsarAdmin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gyre status SPEC}: how each stage is doing, as functions or on Gyre's stage host. */
@Command(name = "status", description = {
    "Show each deployed stage's function: instances running, events received and processed,",
    "errors, average latency, input rate and backlog, and dead letters. With --runtime host, show",
    "the stages that 'gyre run' processes run instead, from their subscriptions: instances",
    "connected, rates in and out, backlog, unacknowledged and dead letters.",
    "Exit code 1 if a stage is not fully running."})
final class StatusCommand implements Callable<Integer> {
  /** Which runtime runs the stages. */
  enum Runtime { functions, host }

  @Mixin
  FunctionTarget target;

  @Option(names = "--runtime", defaultValue = "functions", paramLabel = "RUNTIME",
      description = "functions (gyre deploy) or host (gyre run, any number of processes); default: ${DEFAULT-VALUE}")
  Runtime runtime;

  @Spec
  picocli.CommandLine.Model.CommandSpec command;

  @Override
  public Integer call() {
    PrintWriter out = command.commandLine().getOut();
    try (PipelinePlan plan = target.plan(); PulsarAdmin admin = target.admin();
         PulsarAdmin functions = target.functionsAdmin()) {
      return runtime == Runtime.host ? host(plan, admin, out) : functions(plan, admin, functions, out);
    }
  }

  private static int functions(PipelinePlan plan, PulsarAdmin admin, PulsarAdmin functions, PrintWriter out) {
    boolean healthy = true;
    out.printf("%-12s %-9s %10s %10s %7s %9s %9s %8s %6s  %s%n", "stage", "instances", "received", "processed",
        "errors", "latency", "rate in/s", "backlog", "dlq", "function");
    for (FunctionDeployer.StageStatus s : new FunctionDeployer(admin, functions).status(plan)) {
      out.printf("%-12s %4d/%-4d %10d %10d %7d %7.2fms %9.1f %8d %6d  %s%n", s.stage(), s.running(), s.instances(),
          s.received(), s.processed(), s.userErrors() + s.systemErrors(), s.averageLatencyMs(), s.rateIn(),
          s.backlog(), s.deadLetters(), s.function());
      s.errors().forEach(e -> out.println("             " + e));
      healthy &= s.instances() > 0 && s.running() == s.instances();
    }
    return healthy ? Gyre.OK : Gyre.FAILURE;
  }

  /** Instances are running/wanted: consumers connected out of the spec's parallelism (per process). */
  private static int host(PipelinePlan plan, PulsarAdmin admin, PrintWriter out) {
    boolean healthy = true;
    out.printf("%-12s %-9s %10s %10s %8s %8s %6s  %s%n", "stage", "instances", "rate in/s", "out/s", "backlog",
        "unacked", "dlq", "subscription (instances)");
    for (StageHostStatus.StageStatus s : new StageHostStatus(admin).status(plan)) {
      out.printf("%-12s %4d/%-4d %10.1f %10.1f %8d %8d %6d  %s%s %s%n", s.stage(), s.instances().size(),
          s.parallelism(), s.rateIn(), s.rateOut(), s.backlog(), s.unacked(), s.deadLetters(), s.subscription(),
          s.partitions() > 0 ? " on " + s.partitions() + " partitions" : "", s.instances());
      healthy &= !s.instances().isEmpty();
    }
    return healthy ? Gyre.OK : Gyre.FAILURE;
  }
}
