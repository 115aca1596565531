package dev.gyre.formula.internal;

import dev.gyre.formula.ValueType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;

/**
 * The names a definition can use: declared fields (inputs) and earlier definitions (features).
 * Assigns input slots in order of first use, so a program's inputs are exactly those it reads.
 */
final class Scope {
  private final Map<String, ValueType> fields;
  private final String fieldList;
  private final List<String> allNames;
  private final Map<String, Integer> features = new HashMap<>();
  private final List<ValueType> featureTypes = new ArrayList<>();
  private final Map<String, Integer> slots = new LinkedHashMap<>();
  private final List<ValueType> slotTypes = new ArrayList<>();

  Scope(Map<String, ValueType> fields, List<String> allNames) {
    this.fields = fields;
    this.fieldList = fields.isEmpty() ? "(none)" : sorted(fields.keySet());
    this.allNames = allNames;
  }

  boolean isField(String name) {
    return fields.containsKey(name);
  }

  /** Index of the earlier definition called {@code name}, or -1. */
  int feature(String name) {
    return features.getOrDefault(name, -1);
  }

  /**
   * Records definition {@code index}; {@code name} is null when it may not be referenced (a bad or
   * duplicate name) and {@code type} is null when its expression did not compile.
   */
  void define(int index, String name, ValueType type) {
    featureTypes.add(type);
    if (name != null) {
      features.put(name, index);
    }
  }

  /** A node reading {@code name}, or null when the name is unknown or a failed feature. */
  Node read(String name) {
    ValueType fieldType = fields.get(name);
    if (fieldType != null) {
      int slot = slots.computeIfAbsent(name, n -> slots.size());
      if (slot == slotTypes.size()) {
        slotTypes.add(fieldType);
      }
      return new Leaves.Input(name, slot, fieldType);
    }
    int index = feature(name);
    ValueType type = index < 0 ? null : featureTypes.get(index);
    return type == null ? null : new Leaves.Feature(index, type);
  }

  /**
   * Why definition {@code current} cannot read {@code name}; null when the name is an earlier
   * feature that failed to compile, whose own errors are already reported.
   */
  String unknown(String name, int current) {
    if (feature(name) >= 0) {
      return null;
    }
    int later = allNames.indexOf(name);
    if (later == current) {
      return "uses its own name '" + name + "'; a feature can use only fields and earlier features";
    }
    if (later > current) {
      return "uses '" + name + "', which is defined after this feature; a feature can use only"
          + " fields and earlier features";
    }
    if (Builtin.named(name) != null) {
      return "uses the function '" + name + "' without calling it; write "
          + Builtin.named(name).usage;
    }
    StringBuilder text = new StringBuilder("uses '").append(name)
        .append("', which is neither a field nor an earlier feature; fields are: ")
        .append(fieldList);
    if (!features.isEmpty()) {
      text.append("; earlier features are: ").append(sorted(features.keySet()));
    }
    String suggestion = closest(name);
    if (suggestion != null) {
      text.append("; did you mean '").append(suggestion).append("'?");
    }
    return text.toString();
  }

  List<String> inputNames() {
    return List.copyOf(slots.keySet());
  }

  List<ValueType> inputTypes() {
    return List.copyOf(slotTypes);
  }

  private static String sorted(java.util.Collection<String> names) {
    return String.join(", ", names.stream().sorted().toList());
  }

  private String closest(String name) {
    List<String> candidates = new ArrayList<>(fields.keySet());
    candidates.addAll(features.keySet());
    String best = null;
    int bestDistance = Math.min(2, name.length() / 2) + 1;
    for (String candidate : candidates.stream().sorted().toList()) {
      int distance = distance(name, candidate);
      if (distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    return best;
  }

  /** Levenshtein distance, case-insensitive. */
  private static int distance(String a, String b) {
    a = a.toLowerCase(Locale.ROOT);
    b = b.toLowerCase(Locale.ROOT);
    int[] row = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      row[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      int diagonal = row[0];
      row[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int above = row[j];
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        row[j] = Math.min(Math.min(row[j] + 1, row[j - 1] + 1), diagonal + cost);
        diagonal = above;
      }
    }
    return row[b.length()];
  }
}
