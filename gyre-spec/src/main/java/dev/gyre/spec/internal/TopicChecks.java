package dev.gyre.spec.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks that topics do not collide: a stage writing to a topic the pipeline reads would feed
 * itself, and dead letters sent to a topic a stage reads would be processed again.
 */
final class TopicChecks {
  private static final String SOURCE = "source.topic";

  private TopicChecks() {}

  static void check(String sourceTopic, List<StageReader.Draft> stages, Problems problems) {
    Map<String, String> writers = new LinkedHashMap<>();
    if (sourceTopic != null) {
      writers.put(sourceTopic, SOURCE);
    }
    for (StageReader.Draft stage : stages) {
      if (stage.output() == null) {
        continue;
      }
      String owner = writers.putIfAbsent(stage.output(), stage.path() + ".output");
      if (SOURCE.equals(owner)) {
        problems.add(stage.path() + ".output", "is also source.topic; a stage must not write to the topic "
            + "the pipeline reads, or it would read its own output");
      } else if (owner != null) {
        problems.add(stage.path() + ".output", "is also " + owner + "; each stage needs an output topic of its own");
      }
    }
    for (StageReader.Draft stage : stages) {
      String path = stage.path() + ".deadLetterTopic";
      if (stage.deadLetterTopic() != null) {
        String owner = writers.get(stage.deadLetterTopic());
        if (owner != null) {
          problems.add(path, "is also " + owner + "; dead letters need a topic that no stage reads or writes");
        }
      } else if (stage.output() != null) {
        String derived = dev.gyre.spec.StageSpec.defaultDeadLetterTopic(stage.output());
        String owner = writers.get(derived);
        if (owner != null) {
          problems.add(path, "defaults to '" + derived + "', which is also " + owner
              + "; set deadLetterTopic to a topic of its own");
        }
      }
    }
  }
}
