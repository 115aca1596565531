package dev.gyre.core.stage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gyre.core.enrich.ReferenceJoin;
import dev.gyre.core.event.EventCodec;
import dev.gyre.core.event.EventSchema;
import dev.gyre.core.event.Rejection;
import dev.gyre.formula.EvaluationException;
import dev.gyre.formula.Frame;
import dev.gyre.formula.Program;
import dev.gyre.formula.ValueType;
import java.util.List;

/**
 * Computes a compiled {@link Program} of formulas on each event and adds one field per formula.
 * A formula that fails on an event (division by zero, a missing optional field, a result that is
 * not a finite number) dead-letters that event with reason {@code formula-error}. With reference
 * joins ({@code enrich}), each event first gets its rows' fields, which the formulas see; a missing
 * row dead-letters it with reason {@code missing-reference} unless defaults apply.
 */
public final class FeatureStage extends JsonStage {
  private final List<ReferenceJoin> joins;
  private final Program program;
  private final Frame frame;
  private final String[] inputs;
  private final ValueType[] inputTypes;
  private final String[] outputs;
  private final ValueType[] outputTypes;

  public FeatureStage(EventCodec codec, EventSchema schema, String keyField, Program program) {
    this(codec, schema, keyField, program, List.of());
  }

  /** @param joins the reference joins applied, in order, before the formulas */
  public FeatureStage(EventCodec codec, EventSchema schema, String keyField, Program program,
      List<ReferenceJoin> joins) {
    super(codec, schema, keyField);
    this.joins = List.copyOf(joins);
    this.program = program;
    this.frame = program.newFrame();
    this.inputs = program.inputs().toArray(String[]::new);
    this.inputTypes = new ValueType[inputs.length];
    for (int i = 0; i < inputs.length; i++) {
      inputTypes[i] = program.inputType(i);
    }
    this.outputs = program.outputs().toArray(String[]::new);
    this.outputTypes = new ValueType[outputs.length];
    for (int i = 0; i < outputs.length; i++) {
      outputTypes[i] = program.outputType(i);
    }
  }

  @Override
  void enrich(ObjectNode event, String key) {
    for (ReferenceJoin join : joins) {
      join.apply(event);
    }
    for (int slot = 0; slot < inputs.length; slot++) {
      JsonNode value = event.get(inputs[slot]);
      if (value == null || value.isNull()) {
        frame.setMissing(slot);
        continue;
      }
      switch (inputTypes[slot]) {
        case NUMBER -> frame.setNumber(slot, value.doubleValue());
        case BOOLEAN -> frame.setBoolean(slot, value.booleanValue());
        case STRING -> frame.setString(slot, value.textValue());
        default -> throw new IllegalStateException("unhandled type " + inputTypes[slot]);
      }
    }
    try {
      program.evaluate(frame);
    } catch (EvaluationException e) {
      throw new Rejection(Rejection.FORMULA_ERROR, e.getMessage());
    }
    for (int i = 0; i < outputs.length; i++) {
      switch (outputTypes[i]) {
        case NUMBER -> event.put(outputs[i], frame.number(i));
        case BOOLEAN -> event.put(outputs[i], frame.bool(i));
        case STRING -> event.put(outputs[i], frame.string(i));
        default -> throw new IllegalStateException("unhandled type " + outputTypes[i]);
      }
    }
  }
}
