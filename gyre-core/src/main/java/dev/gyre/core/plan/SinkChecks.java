package dev.gyre.core.plan;

import dev.gyre.api.SpecProblem;
import dev.gyre.core.event.EventCondition;
import dev.gyre.formula.FormulaError;
import dev.gyre.formula.FormulaException;
import dev.gyre.spec.FieldSpec;
import dev.gyre.spec.PostgresSinkSpec;
import dev.gyre.spec.SinkSpec;
import dev.gyre.spec.SpecLocations;
import dev.gyre.spec.WebhookSinkSpec;
import java.util.List;

/**
 * Checks the parts of sinks that need the fields reaching them: a webhook's {@code when} formula,
 * and for a PostgreSQL sink, fields that cannot be columns of its own.
 */
final class SinkChecks {
  /** The columns a PostgreSQL sink adds to the input's fields. */
  static final List<String> OWN_COLUMNS = List.of("event_id", "received_at");
  /** PostgreSQL truncates longer identifiers. */
  static final int MAX_COLUMN_BYTES = 63;

  private SinkChecks() {}

  static void check(PipelinePlan plan, SpecLocations where, List<SpecProblem> problems) {
    List<SinkSpec> sinks = plan.spec().sinks();
    for (int i = 0; i < sinks.size(); i++) {
      String path = "sinks[" + i + "]";
      SinkSpec sink = sinks.get(i);
      SinkInput input;
      try {
        input = SinkInput.of(plan, sink.input());
      } catch (IllegalArgumentException e) {
        problems.add(where.problem(path + ".input", "is not a topic of this pipeline"));
        continue;
      }
      if (sink instanceof PostgresSinkSpec) {
        for (FieldSpec field : input.fields()) {
          if (OWN_COLUMNS.contains(field.name())) {
            problems.add(where.problem(path + ".input", "carries the field '" + field.name() + "', which is also "
                + "a column the sink writes itself (" + String.join(", ", OWN_COLUMNS) + "); rename the field"));
          } else if (field.name().length() > MAX_COLUMN_BYTES) {
            problems.add(where.problem(path + ".input", "carries the field '" + field.name() + "', longer than the "
                + MAX_COLUMN_BYTES + " characters PostgreSQL keeps in a column name; shorten it"));
          }
        }
      } else if (sink instanceof WebhookSinkSpec webhook && webhook.when() != null) {
        try {
          EventCondition.compile(webhook.when(), input.fields());
        } catch (FormulaException e) {
          for (FormulaError error : e.errors()) {
            problems.add(where.problem(path + ".when", error.message() + " (column " + error.column()
                + " of the expression)"));
          }
        } catch (IllegalArgumentException e) {
          problems.add(where.problem(path + ".when", e.getMessage()));
        }
      }
    }
  }
}
