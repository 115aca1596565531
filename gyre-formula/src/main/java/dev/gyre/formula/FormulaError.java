package dev.gyre.formula;

import java.util.Objects;

/**
 * One compile error in one definition of a {@link Program}.
 *
 * <p>The message is phrased to follow the words "but it", so a spec validator can render
 * {@code was '<expression>' but it <message>}, for example {@code was 'tmp - 20' but it uses 'tmp',
 * which is neither a field nor an earlier feature; fields are: deviceId, temp, ts}.
 *
 * @param definition index of the definition in the list given to {@link Program#compile}, from 0
 * @param column     1-based column in the definition's expression where the problem is; 0 when the
 *                   problem is the definition's name rather than its expression
 * @param message    what is wrong and how to fix it, phrased to follow "but it"; never null
 */
public record FormulaError(int definition, int column, String message) {
  public FormulaError {
    Objects.requireNonNull(message, "message");
  }
}
