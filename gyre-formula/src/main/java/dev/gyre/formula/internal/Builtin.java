package dev.gyre.formula.internal;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The fixed table of functions a formula can call; there are no others and no way to add any from
 * a formula. {@link Calls} checks arguments and builds the nodes.
 */
enum Builtin {
  ABS("abs(x)", 1, 1),
  SQRT("sqrt(x)", 1, 1),
  EXP("exp(x)", 1, 1),
  LOG("log(x)", 1, 1),
  LOG10("log10(x)", 1, 1),
  FLOOR("floor(x)", 1, 1),
  CEIL("ceil(x)", 1, 1),
  ROUND("round(x)", 1, 1),
  SIN("sin(x)", 1, 1),
  COS("cos(x)", 1, 1),
  TAN("tan(x)", 1, 1),
  POW("pow(x, y)", 2, 2),
  MIN("min(a, b, ...)", 2, Integer.MAX_VALUE),
  MAX("max(a, b, ...)", 2, Integer.MAX_VALUE),
  CLAMP("clamp(x, lo, hi)", 3, 3),
  IF("if(condition, a, b)", 3, 3),
  COALESCE("coalesce(a, b)", 2, 2),
  IS_MISSING("is_missing(x)", 1, 1),
  LEN("len(s)", 1, 1);

  private static final Map<String, Builtin> BY_NAME = Arrays.stream(values())
      .collect(Collectors.toUnmodifiableMap(f -> f.name, f -> f));
  /** All function names, sorted and comma-separated, for messages. */
  static final String NAMES = BY_NAME.keySet().stream().sorted()
      .collect(Collectors.joining(", "));

  final String name;
  final String usage;
  final int minArgs;
  final int maxArgs;

  Builtin(String usage, int minArgs, int maxArgs) {
    this.name = name().toLowerCase(Locale.ROOT);
    this.usage = usage;
    this.minArgs = minArgs;
    this.maxArgs = maxArgs;
  }

  /** The function called {@code name}, or {@code null}. */
  static Builtin named(String name) {
    return BY_NAME.get(name);
  }
}
