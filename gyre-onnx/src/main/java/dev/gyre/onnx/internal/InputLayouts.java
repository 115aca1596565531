package dev.gyre.onnx.internal;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.TensorInfo;
import dev.gyre.api.ModelDescriptor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Maps the spec's inputs onto a model's input tensors, or explains, with both lists, why it cannot.
 * Every input must be a float, double or int64 tensor {@code [batch, columns]} with a variable or unit
 * batch. Then, in order:
 * <ol>
 *   <li>one input: it takes the whole row, so it has the spec's number of columns;
 *   <li>several {@code [batch, 1]} inputs each named after a spec input (scikit-learn's
 *       ColumnTransformer form): matched by name, in any order, every spec input exactly once;
 *   <li>several inputs of fixed widths adding up to the spec's count, in a model that carries
 *       {@code gyre.inputs} (already checked equal to the spec's inputs): consecutive columns, in the
 *       order the model declares its inputs.
 * </ol>
 * Anything else is ambiguous and refused at load.
 */
public final class InputLayouts {
  private InputLayouts() {}

  /** Chooses the layout; throws {@link dev.gyre.api.ModelException} when there is none. */
  public static InputLayout choose(ModelDescriptor d, Map<String, NodeInfo> inputs, boolean hasInputsMetadata) {
    List<String> spec = d.inputs();
    int n = spec.size();
    String want = "Gyre feeds the spec's inputs " + spec + " as float, double or int64 tensors [batch, columns].";
    List<InputLayout.Type> types = new ArrayList<>();
    List<Long> widths = new ArrayList<>();
    for (NodeInfo input : inputs.values()) {
      InputLayout.Type type = input.getInfo() instanceof TensorInfo t && t.getShape().length == 2
          ? InputLayout.Type.of(t.type) : null;
      if (type == null) {
        throw Failures.atLoad(d, "input '" + input.getName() + "' is " + input.getInfo()
            + ", not a float, double or int64 tensor [batch, columns]", want);
      }
      long[] shape = ((TensorInfo) input.getInfo()).getShape();
      if (shape[0] != 1 && shape[0] != -1) {
        throw Failures.atLoad(d, "input '" + input.getName() + "' has shape " + Arrays.toString(shape)
            + ", a fixed batch of " + shape[0] + " rows", want + " Export the model with a variable or unit batch size.");
      }
      types.add(type);
      widths.add(shape[1]);
    }
    List<String> names = List.copyOf(inputs.keySet());
    if (names.size() == 1) {
      long columns = widths.get(0);
      if (columns != n && columns != -1) {
        throw Failures.atLoad(d, "input '" + names.get(0) + "' has shape ["
            + shapeText(inputs.get(names.get(0))) + "], so " + columns + " features, but the spec lists " + n
            + " inputs " + spec, "List exactly the model's features in the spec, in the order it was trained on.");
      }
      return new InputLayout(List.of(new InputLayout.Slot(names.get(0), types.get(0), range(0, n))), n);
    }
    boolean allUnit = widths.stream().allMatch(w -> w == 1);
    if (spec.containsAll(names) && names.size() == n || allUnit && !hasInputsMetadata) {
      return byName(d, names, types, widths);
    }
    long total = widths.stream().mapToLong(Long::longValue).sum();
    if (hasInputsMetadata && widths.stream().allMatch(w -> w > 0) && total == n) {
      List<InputLayout.Slot> slots = new ArrayList<>();
      int next = 0;
      for (int i = 0; i < names.size(); i++) {
        int w = widths.get(i).intValue();
        slots.add(new InputLayout.Slot(names.get(i), types.get(i), range(next, w)));
        next += w;
      }
      return new InputLayout(slots, n);
    }
    if (allUnit) {
      return byName(d, names, types, widths);
    }
    throw Failures.atLoad(d, "the model has " + names.size() + " inputs " + describe(inputs)
        + " and Gyre cannot tell which of the spec's inputs " + spec + " goes where",
        "Give the model one [batch, 1] input per spec input, named after it, or give it metadata gyre.inputs"
            + " listing the spec's inputs in the order of its inputs' columns, with fixed widths adding up to " + n + ".");
  }

  private static InputLayout byName(ModelDescriptor d, List<String> names, List<InputLayout.Type> types,
      List<Long> widths) {
    List<String> spec = d.inputs();
    Set<String> unknown = new LinkedHashSet<>(names);
    spec.forEach(unknown::remove);
    Set<String> unfed = new LinkedHashSet<>(spec);
    names.forEach(unfed::remove);
    List<String> wide = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      if (widths.get(i) != 1) {
        wide.add(names.get(i));
      }
    }
    if (!unknown.isEmpty() || !unfed.isEmpty() || !wide.isEmpty()) {
      throw Failures.atLoad(d, "the model's inputs " + names + " do not match the spec's inputs " + spec + " by name:"
          + (unknown.isEmpty() ? "" : " model inputs " + unknown + " are not spec inputs;")
          + (unfed.isEmpty() ? "" : " spec inputs " + unfed + " are not model inputs;")
          + (wide.isEmpty() ? "" : " inputs " + wide + " are not [batch, 1];"),
          "A model with several inputs takes one [batch, 1] tensor per spec input, named after it: list exactly"
              + " the model's input names in model.inputs.");
    }
    List<InputLayout.Slot> slots = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      slots.add(new InputLayout.Slot(names.get(i), types.get(i), new int[] {spec.indexOf(names.get(i))}));
    }
    return new InputLayout(slots, spec.size());
  }

  private static int[] range(int from, int count) {
    int[] columns = new int[count];
    Arrays.setAll(columns, k -> from + k);
    return columns;
  }

  private static String shapeText(NodeInfo node) {
    return Arrays.stream(((TensorInfo) node.getInfo()).getShape()).mapToObj(Long::toString)
        .collect(Collectors.joining(", "));
  }

  private static String describe(Map<String, NodeInfo> inputs) {
    return inputs.values().stream()
        .map(n -> n.getName() + ": " + ((TensorInfo) n.getInfo()).type + " [" + shapeText(n) + "]")
        .collect(Collectors.joining(", ", "[", "]"));
  }
}
