package dev.gyre.formula;

import dev.gyre.api.GyreException;
import java.util.List;

/**
 * {@link Program#compile} found errors in the definitions. Carries every error of every definition,
 * in definition order, so a user can fix them all in one round. Never retriable.
 */
public final class FormulaException extends GyreException {
  private static final long serialVersionUID = 1L;
  private static final int MAX_SHOWN = 60;
  private final List<FormulaError> errors;

  FormulaException(List<FormulaError> errors, List<Definition> definitions) {
    super(render(errors, definitions), false);
    this.errors = List.copyOf(errors);
  }

  /** The errors, ordered by definition and then by column; never empty. */
  public List<FormulaError> errors() {
    return errors;
  }

  private static String render(List<FormulaError> errors, List<Definition> definitions) {
    if (errors.isEmpty()) {
      throw new IllegalArgumentException("a FormulaException needs at least one error");
    }
    StringBuilder text = new StringBuilder();
    text.append(errors.size() == 1 ? "1 error" : errors.size() + " errors").append(" in formulas:");
    for (FormulaError error : errors) {
      Definition definition = definitions.get(error.definition());
      text.append("\n  - definitions[").append(error.definition()).append("] '")
          .append(shorten(definition.name())).append('\'');
      String value = definition.expression();
      if (error.column() > 0) {
        text.append(", column ").append(error.column());
      } else {
        value = definition.name();
      }
      text.append(": was '").append(shorten(value)).append("' but it ").append(error.message());
    }
    return text.toString();
  }

  private static String shorten(String text) {
    return text.length() <= MAX_SHOWN ? text : text.substring(0, MAX_SHOWN - 3) + "...";
  }
}
