package dev.gyre.pulsar;

import dev.gyre.api.StageException;
import dev.gyre.core.plan.PipelinePlan;
import dev.gyre.core.plan.StagePlan;
import dev.gyre.spec.TopicName;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pulsar.client.admin.PulsarAdmin;
import org.apache.pulsar.client.admin.PulsarAdminException;
import org.apache.pulsar.client.api.SubscriptionInitialPosition;
import org.apache.pulsar.common.functions.FunctionConfig;
import org.apache.pulsar.common.policies.data.FunctionStatus;

/**
 * Deploys a pipeline's stages as plain Pulsar Functions, one function per stage, through the
 * admin API: the same {@code GyreStageFunction} class that {@code pulsar-admin functions create}
 * deploys by hand. Each function is named {@code <pipeline>-<stage>}, lives in the namespace of
 * its output topic, reads through the subscription Gyre's own stage host uses (so a pipeline can
 * move between the two runtimes without reprocessing), keeps per-key order (Key_Shared), and is
 * updated in place when deployed again.
 */
public final class FunctionDeployer {
  /** The class every Gyre function runs. */
  public static final String FUNCTION_CLASS = "dev.gyre.functions.GyreStageFunction";

  /** What {@link #deploy} did for one stage. */
  public record Deployment(String stage, String function, boolean created) {}

  /** How one stage's function is doing. */
  public record StageStatus(String stage, String function, int running, int instances, long received,
      long processed, long userErrors, long systemErrors, double averageLatencyMs, long backlog,
      double rateIn, long deadLetters, List<String> errors) {}

  /** How long a deploy waits for a freshly started functions worker to elect its leader. */
  static final Duration LEADER_WAIT = Duration.ofSeconds(60);

  private final PulsarAdmin admin;
  private final PulsarAdmin functions;

  /** Topics and functions through one admin endpoint: a broker with its functions worker inside. */
  public FunctionDeployer(PulsarAdmin admin) {
    this(admin, admin);
  }

  /**
   * Topics through {@code admin} (a broker) and functions through {@code functions} (a functions
   * worker that runs apart from the brokers, whose admin API serves functions only).
   */
  public FunctionDeployer(PulsarAdmin admin, PulsarAdmin functions) {
    this.admin = admin;
    this.functions = functions;
  }

  /** Provisions the topics, then creates or updates one function per stage. */
  public List<Deployment> deploy(PipelinePlan plan, String specText, Path specDir, Path jar) {
    new TopicProvisioner(admin).provision(plan.topics());
    List<Deployment> done = new ArrayList<>();
    for (StagePlan stage : plan.stages()) {
      FunctionConfig config = config(plan, stage, specText, specDir);
      try {
        done.add(new Deployment(stage.name(), qualified(config), createOrUpdate(config, jar)));
      } catch (PulsarAdminException e) {
        throw new StageException("cannot deploy stage '" + stage.name() + "' as function " + qualified(config)
            + ": " + e.getMessage() + (e.getStatusCode() == 404 || e.getStatusCode() == 503
            ? " (is the functions worker running? a standalone needs it enabled)" : ""), e.getStatusCode() >= 500, e);
      }
    }
    return done;
  }

  /**
   * Creates or updates one function; returns whether it was created. A worker that has just started
   * answers 503 ("Leader not yet ready") until its leader is elected: that is retried for up to
   * {@link #LEADER_WAIT}. A create that failed that way may have stored the function's package
   * already, so the next attempt finds "metadata already exists": the stale package is deleted and
   * the create tried again.
   */
  private void deleteStalePackage(FunctionConfig config) {
    String name = "function://" + config.getTenant() + "/" + config.getNamespace() + "/" + config.getName() + "@0";
    try {
      functions.packages().delete(name);
    } catch (PulsarAdminException | RuntimeException e) {
      // not there, or not deletable: the next create reports it
    }
  }

  private boolean createOrUpdate(FunctionConfig config, Path jar) throws PulsarAdminException {
    long deadline = System.nanoTime() + LEADER_WAIT.toNanos();
    while (true) {
      try {
        boolean exists = functions.functions().getFunctions(config.getTenant(), config.getNamespace())
            .contains(config.getName());
        if (exists) {
          functions.functions().updateFunction(config, jar.toString());
        } else {
          functions.functions().createFunction(config, jar.toString());
        }
        return !exists;
      } catch (PulsarAdminException e) {
        boolean stalePackage = String.valueOf(e.getMessage()).contains("metadata already exists");
        if ((e.getStatusCode() != 503 && !stalePackage) || System.nanoTime() > deadline) {
          throw e;
        }
        if (stalePackage) {
          deleteStalePackage(config);
        }
        try {
          Thread.sleep(1000);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
  }

  /** Removes the pipeline's functions; subscriptions stay, so a later deploy or run resumes. */
  public List<String> undeploy(PipelinePlan plan) {
    List<String> removed = new ArrayList<>();
    for (StagePlan stage : plan.stages()) {
      FunctionConfig config = config(plan, stage, "", null);
      try {
        functions.functions().deleteFunction(config.getTenant(), config.getNamespace(), config.getName());
        removed.add(qualified(config));
      } catch (PulsarAdminException.NotFoundException absent) {
        // nothing to remove
      } catch (PulsarAdminException e) {
        throw new StageException("cannot remove function " + qualified(config) + ": " + e.getMessage(),
            e.getStatusCode() >= 500, e);
      }
    }
    return removed;
  }

  /** Status of every stage's function, with its subscription backlog and dead letters. */
  public List<StageStatus> status(PipelinePlan plan) {
    List<StageStatus> statuses = new ArrayList<>();
    for (StagePlan stage : plan.stages()) {
      FunctionConfig config = config(plan, stage, "", null);
      FunctionStatus status;
      try {
        status = functions.functions().getFunctionStatus(config.getTenant(), config.getNamespace(), config.getName());
      } catch (PulsarAdminException.NotFoundException absent) {
        statuses.add(new StageStatus(stage.name(), qualified(config), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
            List.of("not deployed")));
        continue;
      } catch (PulsarAdminException e) {
        throw statusFailure(config, e);
      }
      long received = 0;
      long processed = 0;
      long userErrors = 0;
      long systemErrors = 0;
      double latency = 0;
      List<String> errors = new ArrayList<>();
      for (FunctionStatus.FunctionInstanceStatus instance : status.getInstances()) {
        var data = instance.getStatus();
        received += data.getNumReceived();
        processed += data.getNumSuccessfullyProcessed();
        userErrors += data.getNumUserExceptions();
        systemErrors += data.getNumSystemExceptions();
        latency = Math.max(latency, data.getAverageLatency());
        if (data.getError() != null && !data.getError().isBlank()) {
          errors.add("instance " + instance.getInstanceId() + ": " + data.getError());
        }
      }
      try {
        SubscriptionTotals input = SubscriptionTotals.read(admin, stage.inputTopic(), config.getSubName());
        long deadLetters = SubscriptionTotals.messagesIn(admin, stage.deadLetterTopic());
        statuses.add(new StageStatus(stage.name(), qualified(config), status.getNumRunning(),
            status.getNumInstances(), received, processed, userErrors, systemErrors, latency,
            input.backlog(), input.topicRateIn(), deadLetters, errors));
      } catch (PulsarAdminException e) {
        throw statusFailure(config, e);
      }
    }
    return statuses;
  }

  private static StageException statusFailure(FunctionConfig config, PulsarAdminException e) {
    return new StageException("cannot read the status of " + qualified(config) + ": " + e.getMessage(),
        e.getStatusCode() >= 500, e);
  }

  static FunctionConfig config(PipelinePlan plan, StagePlan stage, String specText, Path specDir) {
    TopicName output = TopicName.parse(stage.outputTopic());
    String pipeline = plan.spec().name();
    Map<String, Object> userConfig = specDir == null
        ? Map.of("stage", stage.name(), "spec", specText)
        : Map.of("stage", stage.name(), "spec", specText, "specDir", specDir.toAbsolutePath().toString());
    return FunctionConfig.builder()
        .tenant(output.tenant())
        .namespace(output.namespace())
        .name(pipeline + "-" + stage.name())
        .className(FUNCTION_CLASS)
        .inputs(List.of(stage.inputTopic()))
        .output(stage.outputTopic())
        .subName(plan.subscription(stage))
        .subscriptionPosition(SubscriptionInitialPosition.Earliest)
        .cleanupSubscription(false)
        .retainKeyOrdering(true)
        .batchBuilder("KEY_BASED")
        .processingGuarantees(FunctionConfig.ProcessingGuarantees.ATLEAST_ONCE)
        .parallelism(stage.parallelism())
        .runtime(FunctionConfig.Runtime.JAVA)
        .userConfig(userConfig)
        .build();
  }

  private static String qualified(FunctionConfig config) {
    return config.getTenant() + "/" + config.getNamespace() + "/" + config.getName();
  }
}
