package dev.gyre.bench;

import dev.gyre.api.StageException;
import dev.gyre.bench.internal.LocalRunnerProcess;
import dev.gyre.core.plan.ModelLoader;
import dev.gyre.core.plan.PipelinePlan;
import dev.gyre.core.plan.PipelinePlanner;
import dev.gyre.core.plan.StagePlan;
import dev.gyre.pulsar.TopicProvisioner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pulsar.client.admin.PulsarAdmin;
import org.apache.pulsar.client.admin.PulsarAdminException;
import org.apache.pulsar.common.policies.data.SubscriptionStats;

/**
 * The classic recipe: each stage of the spec as a Pulsar Function ({@code GyreStageFunction} of
 * {@code gyre-functions}, which runs the same stage code), each in its own LocalRunner JVM with the
 * thread runtime, with the Functions runtime's defaults otherwise: a shared subscription, and an
 * output producer that batches for 10 ms and compresses with LZ4. At-least-once, as Gyre's stage host,
 * is the default too and is set explicitly.
 */
public final class FunctionsScenario implements Scenario {
  static final String FUNCTION_CLASS = "dev.gyre.functions.GyreStageFunction";

  private final PulsarAdmin admin;
  private final String serviceUrl;
  private final String adminUrl;
  private final Path pulsarHome;
  private final Path functionsJar;
  private final Path logDir;
  private final String tenant;
  private final String yaml;
  private final Path specDir;
  private final PipelinePlan plan;
  private final List<LocalRunnerProcess> runners = new ArrayList<>();
  private volatile boolean closed;

  public FunctionsScenario(PulsarAdmin admin, String serviceUrl, String adminUrl, Path pulsarHome, Path functionsJar,
      Path logDir, BenchSpec spec, String tenant) {
    this.admin = admin;
    this.serviceUrl = serviceUrl;
    this.adminUrl = adminUrl;
    this.pulsarHome = pulsarHome;
    this.functionsJar = functionsJar;
    this.logDir = logDir;
    this.tenant = tenant;
    this.yaml = spec.yamlIn(tenant);
    this.specDir = spec.dir();
    // Planned here only for topic names and schemas; the functions plan and load their own stages.
    this.plan = new PipelinePlanner(ModelLoader.serviceLoader()).plan(spec.documentIn(tenant));
    plan.close();
  }

  @Override
  public String name() {
    return "functions";
  }

  @Override
  public String description() {
    return "Pulsar Functions (" + functionsJar.getFileName() + ", LocalRunner thread runtime, one JVM per function): "
        + plan.stages().size() + " functions, " + (plan.stages().size() + 1) + " topics";
  }

  @Override
  public void start() throws Exception {
    new TopicProvisioner(admin).provision(plan.topics());
    for (StagePlan stage : plan.stages()) {
      runners.add(LocalRunnerProcess.start(pulsarHome, functionConfig(stage), serviceUrl, adminUrl,
          logDir.resolve("function-" + stage.name() + ".log"), "-Xms256m -Xmx512m -XX:MaxDirectMemorySize=256m"));
    }
    for (StagePlan stage : plan.stages()) {
      awaitConsumer(stage, System.nanoTime() + 120_000_000_000L);
    }
  }

  private Map<String, Object> functionConfig(StagePlan stage) {
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("tenant", tenant);
    config.put("namespace", "functions");
    config.put("name", stage.name());
    config.put("className", FUNCTION_CLASS);
    config.put("jar", functionsJar.toAbsolutePath().toString());
    config.put("runtime", "JAVA");
    config.put("inputs", List.of(stage.inputTopic()));
    config.put("output", stage.outputTopic());
    config.put("subName", subscription(stage));
    config.put("subscriptionPosition", "Earliest");
    config.put("parallelism", 1);
    config.put("processingGuarantees", "ATLEAST_ONCE");
    config.put("userConfig", Map.of("stage", stage.name(), "spec", yaml, "specDir", specDir.toAbsolutePath().toString()));
    return config;
  }

  private static String subscription(StagePlan stage) {
    return "bench-fn-" + stage.name();
  }

  private void awaitConsumer(StagePlan stage, long deadline) throws InterruptedException {
    while (System.nanoTime() < deadline) {
      String failed = failure();
      if (failed != null) {
        throw new StageException(failed, false);
      }
      try {
        SubscriptionStats sub = admin.topics().getStats(stage.inputTopic()).getSubscriptions().get(subscription(stage));
        if (sub != null && !sub.getConsumers().isEmpty()) {
          return;
        }
      } catch (PulsarAdminException e) {
        // not there yet
      }
      Thread.sleep(250);
    }
    throw new StageException("the function '" + stage.name() + "' did not subscribe to " + stage.inputTopic()
        + " within 120 s; see " + logDir, false);
  }

  @Override
  public String inputTopic() {
    return plan.spec().source().topic();
  }

  @Override
  public String outputTopic() {
    return plan.finalTopic();
  }

  @Override
  public Map<String, Long> processes() {
    Map<String, Long> pids = new LinkedHashMap<>();
    for (int i = 0; i < runners.size(); i++) {
      pids.put("function-" + plan.stages().get(i).name(), runners.get(i).pid());
    }
    return pids;
  }

  @Override
  public String failure() {
    if (closed) {
      return null;
    }
    for (LocalRunnerProcess runner : runners) {
      if (!runner.isAlive()) {
        return "a LocalRunner exited; its log " + runner.log() + " ends with:\n" + runner.logTail(30);
      }
    }
    return null;
  }

  @Override
  public void close() {
    closed = true;
    runners.forEach(LocalRunnerProcess::close);
  }
}
