package dev.gyre.cli;

import dev.gyre.core.plan.ModelLoader;
import dev.gyre.core.plan.PipelinePlan;
import dev.gyre.core.plan.PipelinePlanner;
import dev.gyre.core.plan.TopicPlan;
import dev.gyre.spec.SpecDocument;
import dev.gyre.spec.SpecLoader;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code gyre validate SPEC}: checks everything that can be checked without a broker. */
@Command(name = "validate", description = {
    "Check a pipeline spec: structure, formulas, field types, model files and inputs.",
    "Prints every problem at once. Exit code 0 when valid, 2 when not."})
final class ValidateCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "SPEC", description = "the pipeline spec (YAML)")
  Path specFile;

  @Spec
  picocli.CommandLine.Model.CommandSpec command;

  @Override
  public Integer call() {
    SpecDocument document = SpecLoader.load(specFile);
    try (PipelinePlan plan = new PipelinePlanner(ModelLoader.serviceLoader()).plan(document)) {
      var out = command.commandLine().getOut();
      out.printf("%s is valid: pipeline '%s', %d stages, %d topics%n", specFile, plan.spec().name(),
          plan.stages().size(), plan.topics().size());
      plan.stages().forEach(s -> out.printf("  %-12s %s -> %s (dead letters: %s)%n", s.name(), s.inputTopic(),
          s.outputTopic(), s.deadLetterTopic()));
      plan.spec().sinks().forEach(s -> out.printf("  %-12s %s -> %s sink (dead letters: %s)%n", s.name(),
          s.input(), s instanceof dev.gyre.spec.PostgresSinkSpec ? "postgres" : "webhook", s.deadLetterTopic()));
      for (TopicPlan topic : plan.topics()) {
        if (topic.avroSchema() == null && plan.stages().stream().noneMatch(s -> s.deadLetterTopic().equals(topic.topic()))) {
          out.printf("  %-12s %s%n", role(plan, topic), topic.topic());
        }
      }
      return Gyre.OK;
    }
  }

  /** What a topic without a schema is for: state changelog, reference table, feedback, or late events. */
  private static String role(PipelinePlan plan, TopicPlan topic) {
    if (plan.stages().stream().anyMatch(s -> PipelinePlan.stateTopic(s.outputTopic()).equals(topic.topic()))) {
      return "state";
    }
    if (plan.spec().feedback() != null && plan.spec().feedback().topic().equals(topic.topic())) {
      return "feedback";
    }
    return topic.compacted() ? "table" : "late events";
  }
}
