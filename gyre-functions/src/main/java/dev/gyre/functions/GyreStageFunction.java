package dev.gyre.functions;

import dev.gyre.api.InputRecord;
import dev.gyre.api.Outcome;
import dev.gyre.api.SpecException;
import dev.gyre.api.SpecProblem;
import dev.gyre.api.Stage;
import dev.gyre.api.StageContext;
import dev.gyre.api.StageException;
import dev.gyre.core.plan.ModelLoader;
import dev.gyre.core.plan.PipelinePlan;
import dev.gyre.core.plan.PipelinePlanner;
import dev.gyre.core.plan.StagePlan;
import dev.gyre.functions.internal.LargeStack;
import dev.gyre.functions.internal.MessageProperties;
import dev.gyre.spec.ErrorPolicy;
import dev.gyre.spec.SpecDocument;
import dev.gyre.spec.StageSpec;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.apache.pulsar.client.api.Message;
import org.apache.pulsar.client.api.Schema;
import org.apache.pulsar.functions.api.Context;
import org.apache.pulsar.functions.api.Function;
import org.apache.pulsar.functions.api.Record;
import org.slf4j.Logger;

/**
 * Runs one stage of a Gyre pipeline as a plain Pulsar Function. Deploy it with
 * {@code pulsar-admin functions create --jar gyre-functions.jar --classname
 * dev.gyre.functions.GyreStageFunction --user-config '{"stage": ..., "spec": ...}'}; the keys are
 * those of {@link StageFunctionConfig}, and {@code docs/architecture.md} has a full example.
 *
 * <p>{@link #initialize} loads the spec, plans the pipeline up to this stage (loading its model, if
 * it scores, on a thread with a large stack: see {@code LargeStack}), creates the stage and
 * initialises it. A bad config, spec or model stops the instance there, with every problem in one
 * message: in the instance's log, on its stderr (which the process runtime logs when the instance
 * dies), and in {@code functions status} under the thread runtime.
 *
 * <p>{@link #process} hands each input to the stage and returns a record for the Functions runtime
 * to publish: the output, on the function's output topic, keyed like Gyre's own stage host keys
 * it (the input's key, or the one the stage derives from the spec's {@code key} field); or the
 * original payload, on the stage's dead-letter topic, with the {@code gyre.*} properties that say
 * why. Either way the runtime acknowledges the input once that record is persisted (under the
 * default {@code ATLEAST_ONCE} guarantee). Input properties are kept, and {@code gyre.ingest-ms} is
 * added as the stage host adds it. Bad input never throws; only a stage whose spec says
 * {@code onError: fail} stops the instance on a rejected input, without acknowledging it.
 *
 * <p>Thread-safety: the Java instance calls {@code initialize}, {@code process} and {@code close}
 * from one thread, so each function instance holds one {@link Stage}, as the Stage contract wants.
 */
public final class GyreStageFunction implements Function<byte[], Record<byte[]>> {
  private PipelinePlan plan;
  private StagePlan stagePlan;
  private Stage stage;
  private ErrorPolicy onError;
  private String outputTopic;
  private Logger log;

  @Override
  public void initialize(Context context) {
    log = context.getLogger();
    try {
      StageFunctionConfig config = StageFunctionConfig.of(context.getUserConfigMap());
      SpecDocument document = config.load();
      int index = stageIndex(document, config.stage());
      plan = LargeStack.call("gyre-plan-" + config.stage(),
          () -> new PipelinePlanner(ModelLoader.serviceLoader()).plan(document, index + 1));
      stagePlan = plan.stage(config.stage());
      onError = stagePlan.onError();
      outputTopic = blankToNull(context.getOutputTopic()) != null ? context.getOutputTopic() : stagePlan.outputTopic();
      warnOnTopicMismatch(context);
      stage = stagePlan.factory().get();
      stage.init(StageContext.of(plan.spec().name(), stagePlan.name(), context.getInstanceId(), Clock.systemUTC()));
    } catch (RuntimeException e) {
      // The process runtime reports a dead instance with what it wrote to stderr; its log has the rest.
      System.err.println("Gyre stage function cannot start: " + e.getMessage());
      close();
      throw e;
    }
    log.info("Gyre stage '{}' of pipeline '{}' ready: {} -> {} (dead letters: {})", stagePlan.name(),
        plan.spec().name(), stagePlan.inputTopic(), outputTopic, stagePlan.deadLetterTopic());
  }

  @Override
  public Record<byte[]> process(byte[] input, Context context) {
    Record<?> current = context.getCurrentRecord();
    String key = current.getKey().orElse(null);
    Map<String, String> properties = current.getProperties() == null ? Map.of() : current.getProperties();
    Message<?> message = current.getMessage().orElse(null);
    long publishTime = message == null ? 0L : message.getPublishTime();
    String sourceId = message == null ? null : message.getMessageId().toString();
    Outcome outcome;
    try {
      outcome = stage.process(new InputRecord(key, input, current.getEventTime().orElse(0L), properties));
    } catch (RuntimeException e) {
      outcome = Outcome.deadLetter("stage-error", e.getClass().getSimpleName() + ": " + e.getMessage());
    }
    if (outcome instanceof Outcome.Emit emit) {
      return context.newOutputRecordBuilder(Schema.BYTES)
          .destinationTopic(outputTopic)
          .key(emit.key() != null ? emit.key() : key)
          .value(emit.value())
          .properties(MessageProperties.forOutput(properties, publishTime, sourceId))
          .build();
    }
    Outcome.DeadLetter dead = (Outcome.DeadLetter) outcome;
    if (onError == ErrorPolicy.FAIL) {
      StageException failure = new StageException("stage '" + stagePlan.name() + "' rejected message " + sourceId
          + " (" + dead.reason() + ": " + dead.detail() + ") and its onError policy is 'fail'", false);
      context.fatal(failure);
      throw failure;
    }
    if (log.isDebugEnabled()) {
      log.debug("Dead letter {} from {}: {}: {}", sourceId, current.getTopicName().orElse("?"), dead.reason(),
          dead.detail());
    }
    return context.newOutputRecordBuilder(Schema.BYTES)
        .destinationTopic(stagePlan.deadLetterTopic())
        .key(key)
        .value(input)
        .properties(MessageProperties.forDeadLetter(properties, publishTime, stagePlan.name(), dead.reason(),
            dead.detail(), current.getTopicName().orElse(stagePlan.inputTopic()), sourceId))
        .build();
  }

  @Override
  public void close() {
    if (stage != null) {
      stage.close();
      stage = null;
    }
    if (plan != null) {
      plan.close();
      plan = null;
    }
  }

  private static int stageIndex(SpecDocument document, String name) {
    List<StageSpec> stages = document.spec().stages();
    for (int i = 0; i < stages.size(); i++) {
      if (stages.get(i).name().equals(name)) {
        return i;
      }
    }
    throw new SpecException(new SpecProblem("--user-config." + StageFunctionConfig.STAGE, 0, name,
        "is not a stage of pipeline '" + document.spec().name() + "'; stages: "
            + String.join(", ", stages.stream().map(StageSpec::name).toList())));
  }

  private void warnOnTopicMismatch(Context context) {
    if (context.getInputTopics() != null && !context.getInputTopics().contains(stagePlan.inputTopic())) {
      log.warn("Function inputs {} do not include {}, which stage '{}' reads in the spec", context.getInputTopics(),
          stagePlan.inputTopic(), stagePlan.name());
    }
    if (!outputTopic.equals(stagePlan.outputTopic())) {
      log.warn("Function output {} is not {}, which stage '{}' writes in the spec; writing to {}", outputTopic,
          stagePlan.outputTopic(), stagePlan.name(), outputTopic);
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
