package dev.gyre.formula.internal;

import dev.gyre.formula.FormulaError;
import dev.gyre.formula.ValueType;
import java.util.List;

/**
 * What {@link Compiler#compile} produced: either errors, or everything a program needs to run.
 *
 * @param inputs      input names the definitions read; index = input slot
 * @param inputTypes  type of each input slot
 * @param outputTypes type of each definition; meaningful only without errors
 * @param steps       one step per definition; meaningful only without errors
 * @param errors      every compile error, ordered by definition then column; empty on success
 */
public record Compilation(List<String> inputs, List<ValueType> inputTypes,
    List<ValueType> outputTypes, List<Step> steps, List<FormulaError> errors) {
  public Compilation {
    inputs = List.copyOf(inputs);
    inputTypes = List.copyOf(inputTypes);
    outputTypes = List.copyOf(outputTypes);
    steps = List.copyOf(steps);
    errors = List.copyOf(errors);
  }
}
