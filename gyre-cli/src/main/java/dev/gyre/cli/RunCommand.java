package dev.gyre.cli;

import dev.gyre.cli.internal.Broker;
import dev.gyre.cli.internal.MetricsServer;
import dev.gyre.cli.internal.Progress;
import dev.gyre.core.plan.ModelLoader;
import dev.gyre.core.plan.PipelinePlan;
import dev.gyre.core.plan.PipelinePlanner;
import dev.gyre.pulsar.PipelineRunner;
import dev.gyre.spec.SpecLoader;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gyre run SPEC}: runs every stage of a pipeline until Ctrl-C. */
@Command(name = "run", description = {
    "Run a pipeline: create missing tenants, namespaces, topics and schemas, then run every stage",
    "until Ctrl-C, which stops cleanly (inputs are acknowledged only after their outputs are stored)."})
final class RunCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "SPEC", description = "the pipeline spec (YAML)")
  Path specFile;

  @Mixin
  BrokerOptions broker;

  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec command;

  @Option(names = "--metrics-port", defaultValue = "9464",
      description = "port of the Prometheus endpoint /metrics (default: ${DEFAULT-VALUE}; -1 for none)")
  int metricsPort;

  @Option(names = "--progress-every", defaultValue = "5s", converter = dev.gyre.cli.internal.DurationConverter.class,
      description = "how often to print progress, e.g. 1s (default: ${DEFAULT-VALUE}; 0s for never)")
  Duration progressEvery;

  @Override
  public Integer call() throws InterruptedException {
    PipelinePlan plan = new PipelinePlanner(ModelLoader.serviceLoader()).plan(SpecLoader.load(specFile));
    CountDownLatch stopped = new CountDownLatch(1);
    CountDownLatch stopRequested = new CountDownLatch(1);
    Broker pulsar = broker.open(false, command.commandLine().getErr());
    MetricsServer metrics = MetricsServer.start("0.0.0.0", metricsPort);
    metrics.serveDashboard(plan, Clock.systemUTC());
    PipelineRunner runner = new PipelineRunner(plan, pulsar.client(), metrics.registry(), Clock.systemUTC());
    Thread hook = new Thread(() -> {
      stopRequested.countDown();
      awaitQuietly(stopped);
    }, "gyre-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      runner.start(pulsar.admin());
      command.commandLine().getErr().printf("Pipeline '%s' running: %s -> %s%s. Ctrl-C stops it.%n", plan.spec().name(),
          plan.spec().source().topic(), plan.finalTopic(),
          metrics.url() == null ? "" : "; metrics at " + metrics.url());
      if (metrics.dashboardUrl() != null) {
        command.commandLine().getErr().println("Dashboard: " + metrics.dashboardUrl());
      }
      Progress progress = new Progress(command.commandLine().getErr());
      long every = progressEvery.isZero() ? Long.MAX_VALUE : progressEvery.toMillis();
      while (!stopRequested.await(every, java.util.concurrent.TimeUnit.MILLISECONDS)) {
        if (runner.failure().isPresent()) {
          break;
        }
        progress.print(runner.metrics(), null);
      }
    } finally {
      runner.stop(Duration.ofSeconds(30));
      plan.close();
      pulsar.close();
      metrics.close();
      // Report before releasing the shutdown hook: once it returns, the JVM may halt at once.
      runner.failure().ifPresentOrElse(
          f -> command.commandLine().getErr().println("gyre: the pipeline stopped: " + f.getMessage()),
          () -> command.commandLine().getErr().println("Pipeline stopped cleanly."));
      stopped.countDown();
    }
    return runner.failure().isPresent() ? Gyre.FAILURE : Gyre.OK;
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(60, java.util.concurrent.TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
