package dev.gyre.core.plan;

import dev.gyre.api.Stage;
import dev.gyre.core.event.EventCodec;
import dev.gyre.core.event.EventSchema;
import dev.gyre.core.serving.ModelRouter;
import dev.gyre.core.stage.ScoreStage;
import dev.gyre.spec.ScoreStageSpec;

/** Stages built from a plan for runtimes that need more than the plan's own instances. */
public final class StageFactories {
  private StageFactories() {}

  /**
   * A new instance of a planned score stage that scores with {@code router} instead of the plan's
   * router: the same input checks, key and output fields. Shadow scoring runs one beside the stage.
   *
   * @throws IllegalArgumentException if {@code stage} is not a score stage of {@code plan}
   */
  public static Stage score(PipelinePlan plan, String stage, ModelRouter router) {
    StagePlan planned = plan.stages().stream().filter(s -> s.name().equals(stage)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("the plan has no stage '" + stage + "'"));
    ScoreStageSpec spec = plan.spec().stages().stream()
        .filter(s -> s.name().equals(stage) && s instanceof ScoreStageSpec).map(ScoreStageSpec.class::cast)
        .findFirst().orElseThrow(() -> new IllegalArgumentException("stage '" + stage + "' is not a score stage"));
    return new ScoreStage(new EventCodec(plan.spec().source().schema().maxMessageBytes()),
        new EventSchema(planned.inputFields()), plan.spec().keyField(), router, spec.model().missing());
  }
}
