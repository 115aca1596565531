package dev.gyre.spec.internal;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parsers for scalar values. Each throws {@link IllegalArgumentException} whose message completes
 * "was '...' but it ...", so the loader can report it as is.
 */
public final class Values {
  private static final Pattern WHOLE = Pattern.compile("[+-]?[0-9][0-9_]*");
  private static final Pattern DURATION = Pattern.compile("([0-9]+)\\s*(ns|us|ms|s)");
  private static final Map<String, Long> NANOS = Map.of("ns", 1L, "us", 1_000L, "ms", 1_000_000L, "s", 1_000_000_000L);
  private static final Pattern ENV_REFERENCE_OR_DOLLAR = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}|(\\$\\$)|\\$");
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private Values() {}

  /** A whole number in {@code [min, max]}; YAML's {@code 1_000} form is accepted. */
  public static long integer(String text, long min, long max) {
    String range = "a whole number from " + min + " to " + max;
    if (!WHOLE.matcher(text).matches()) {
      throw new IllegalArgumentException("is not " + range);
    }
    try {
      long value = Long.parseLong(text.replace("_", ""));
      if (value >= min && value <= max) {
        return value;
      }
    } catch (NumberFormatException tooLong) {
      // falls through to the range message
    }
    throw new IllegalArgumentException("is out of range; use " + range);
  }

  /** A finite decimal number such as {@code 0.25}, {@code -3} or {@code 1e-3}. */
  public static double number(String text) {
    try {
      double value = Double.parseDouble(text.trim());
      if (Double.isFinite(value) && !text.trim().matches(".*[a-zA-Z&&[^eE]].*")) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException("is not a finite number; write a decimal number such as 0.5");
  }

  /** {@code true} or {@code false}, in any case. */
  public static boolean bool(String text) {
    if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
      return Boolean.parseBoolean(text);
    }
    throw new IllegalArgumentException("is not a boolean; use true or false");
  }

  /** One of {@code choices}, exactly as written there. */
  public static String choice(String text, List<String> choices) {
    if (choices.contains(text)) {
      return text;
    }
    throw new IllegalArgumentException("is not one of " + String.join(", ", choices) + Suggest.clause(text, choices));
  }

  /** A duration such as {@code 1ms}, {@code 250us} or {@code 2s}, between 0 and {@code maxNanos}; {@code 0} alone is allowed. */
  public static Duration duration(String text, long minNanos, long maxNanos) {
    if (text.equals("0")) {
      text = "0s";
    }
    Matcher m = DURATION.matcher(text);
    if (!m.matches()) {
      throw new IllegalArgumentException("is not a duration; write a whole number with a unit ns, us, ms or s, such as 1ms");
    }
    try {
      Duration d = Duration.ofNanos(Math.multiplyExact(Long.parseLong(m.group(1)), NANOS.get(m.group(2))));
      if (d.toNanos() >= minNanos && d.toNanos() <= maxNanos) {
        return d;
      }
    } catch (ArithmeticException | NumberFormatException tooLong) {
      // falls through to the range message
    }
    throw new IllegalArgumentException("is out of range; use a duration from " + show(Duration.ofNanos(minNanos))
        + " to " + show(Duration.ofNanos(maxNanos)));
  }

  /** A pipeline or stage name: it ends up in subscription names. */
  public static String name(String text) {
    if (!text.matches(SpecKeys.NAMES)) {
      throw new IllegalArgumentException("is not a valid name; use lower-case letters, digits and '-', "
          + "starting with a letter or digit, such as 'sensor-warming'");
    }
    return text;
  }

  /** A field or feature name: formulas and model inputs refer to it. */
  public static String identifier(String text, String what) {
    if (!IDENTIFIER.matcher(text).matches()) {
      throw new IllegalArgumentException("is not a valid " + what + "; use letters, digits and '_', "
          + "not starting with a digit, such as 'temp_scaled'");
    }
    return text;
  }

  /**
   * Text that may hold references {@code ${NAME}} to environment variables, resolved later, and
   * {@code $$} for a literal {@code $}; any other {@code $} is refused.
   */
  public static String envReferences(String text) {
    Matcher m = ENV_REFERENCE_OR_DOLLAR.matcher(text);
    while (m.find()) {
      if (m.group(1) == null && m.group(2) == null) {
        throw new IllegalArgumentException("has a '$' that does not start a reference ${NAME} to an environment "
            + "variable; write ${NAME} with letters, digits and '_', such as ${PGPASSWORD}, or $$ for a '$'");
      }
    }
    return text;
  }

  /** The constant whose YAML name is {@code text}; the text must already be one of the choices. */
  public static <E> E byYamlName(E[] values, Function<E, String> yamlName, String text) {
    return Arrays.stream(values).filter(v -> yamlName.apply(v).equals(text)).findFirst()
        .orElseThrow(() -> new IllegalStateException("no constant named " + text));
  }

  /** The shortest text for a duration in the units {@link #duration} reads. */
  public static String show(Duration d) {
    long nanos = d.toNanos();
    for (String unit : List.of("s", "ms", "us")) {
      if (nanos % NANOS.get(unit) == 0 && nanos != 0) {
        return nanos / NANOS.get(unit) + unit;
      }
    }
    return nanos == 0 ? "0s" : nanos + "ns";
  }
}
