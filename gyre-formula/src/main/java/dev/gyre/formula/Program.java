package dev.gyre.formula;

import dev.gyre.formula.internal.Compilation;
import dev.gyre.formula.internal.Compiler;
import dev.gyre.formula.internal.Failure;
import dev.gyre.formula.internal.Step;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A compiled, type-checked list of formula definitions.
 *
 * <pre>{@code
 * Program program = Program.compile(List.of(
 *     new Definition("temp_scaled", "(temp - 20) / 10"),
 *     new Definition("alert", "temp_scaled > 1.5")),
 *     Map.of("deviceId", ValueType.STRING, "temp", ValueType.NUMBER));
 * Frame frame = program.newFrame();           // one per thread, reused for every event
 * frame.setNumber(program.inputs().indexOf("temp"), 37.4);
 * program.evaluate(frame);
 * boolean alert = frame.bool(1);              // true: 1.74 > 1.5
 * }</pre>
 *
 * <p>Immutable and thread-safe; evaluation state lives in {@link Frame}s, which are not.
 */
public final class Program {
  private final List<String> inputs;
  final ValueType[] inputTypes;
  private final List<String> outputs;
  final ValueType[] outputTypes;
  private final Step[] steps;

  private Program(Compilation compiled, List<String> outputs) {
    this.inputs = compiled.inputs();
    this.inputTypes = compiled.inputTypes().toArray(ValueType[]::new);
    this.outputs = outputs;
    this.outputTypes = compiled.outputTypes().toArray(ValueType[]::new);
    this.steps = compiled.steps().toArray(Step[]::new);
  }

  /**
   * Compiles definitions in order; each may use the inputs and any earlier definition by name.
   *
   * @param definitions the features to compute, in order; may be empty
   * @param inputs      the event fields a formula may read, with their types; names that are not
   *                    identifiers are allowed but cannot be referenced
   * @return the compiled program
   * @throws FormulaException with every error of every definition, if any definition is invalid
   */
  public static Program compile(List<Definition> definitions, Map<String, ValueType> inputs) {
    List<Definition> defs = List.copyOf(definitions);
    Map<String, ValueType> fields = Map.copyOf(inputs);
    Compilation compiled = Compiler.compile(defs, fields);
    if (!compiled.errors().isEmpty()) {
      throw new FormulaException(compiled.errors(), defs);
    }
    return new Program(compiled, defs.stream().map(Definition::name).toList());
  }

  /** Input names the program actually reads, in order of first use; index = input slot. */
  public List<String> inputs() {
    return inputs;
  }

  /** Type of input {@code slot}; set it with the matching {@code Frame.set...} method. */
  public ValueType inputType(int slot) {
    return inputTypes[Objects.checkIndex(slot, inputTypes.length)];
  }

  /** Definition names, in order; index = output index. */
  public List<String> outputs() {
    return outputs;
  }

  /** Type of output {@code index}; read it with the matching {@link Frame} getter. */
  public ValueType outputType(int index) {
    return outputTypes[Objects.checkIndex(index, outputTypes.length)];
  }

  /** A new evaluation frame with every input missing; reusable, not thread-safe. */
  public Frame newFrame() {
    return new Frame(this);
  }

  /**
   * Computes every output in definition order from the inputs set on {@code frame}. Allocation-free
   * unless it fails. After a failure the outputs of {@code frame} are unspecified.
   *
   * @param frame a frame made by this program's {@link #newFrame()}
   * @throws EvaluationException when a definition cannot be computed for this event
   */
  public void evaluate(Frame frame) {
    if (frame.program != this) {
      throw new IllegalArgumentException("the frame belongs to another program");
    }
    int i = 0;
    try {
      for (; i < steps.length; i++) {
        steps[i].run(frame.registers);
      }
    } catch (Failure failure) {
      throw new EvaluationException(outputs.get(i), failure.getMessage(), failure);
    }
  }
}
