package dev.gyre.spec.internal;

import dev.gyre.spec.AggregateFunction;
import dev.gyre.spec.AggregateSpec;
import dev.gyre.spec.FeatureSpec;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses an aggregate line {@code name = function(field) [over SIZE [every STEP | tumbling]]}.
 * Whether the field exists and has the right type is checked by the planner, which knows the
 * fields that reach the stage.
 */
public final class AggregateLines {
  /** The most buckets one window may keep, which bounds the memory of a key. */
  public static final int MAX_BUCKETS = 1000;
  /** The default number of buckets of a sliding window. */
  public static final int DEFAULT_BUCKETS = 60;
  private static final Duration MAX_SIZE = Duration.ofDays(366);
  private static final Pattern CALL = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)\\s*\\(([^()]*)\\)(.*)");
  private static final List<String> FUNCTIONS =
      Arrays.stream(AggregateFunction.values()).map(AggregateFunction::yamlName).toList();
  private static final String EXAMPLE = "such as 'amount_sum_1h = sum(amount) over 1h'";

  private AggregateLines() {}

  /**
   * The aggregate the line declares.
   *
   * @throws IllegalArgumentException with a reason that follows "but it"
   */
  public static AggregateSpec parse(String line) {
    FeatureSpec split = FeatureLines.split(line);
    Matcher call = CALL.matcher(split.expression());
    if (!call.matches()) {
      throw new IllegalArgumentException("has no function call after '='; write 'name = function(field) over SIZE', "
          + EXAMPLE);
    }
    AggregateFunction function = function(call.group(1));
    String field = argument(function, call.group(2).strip());
    String[] words = call.group(3).strip().split("\\s+");
    if (words.length == 1 && words[0].isEmpty()) {
      return new AggregateSpec(split.name(), function, field, null, null, false);
    }
    boolean shaped = words[0].equals("over") && (words.length == 2
        || (words.length == 3 && words[2].equals("tumbling")) || (words.length == 4 && words[2].equals("every")));
    if (!shaped) {
      throw new IllegalArgumentException("has '" + call.group(3).strip() + "' after the call, where nothing, "
          + "'over SIZE', 'over SIZE every STEP' or 'over SIZE tumbling' is expected");
    }
    if (!function.windowed()) {
      throw new IllegalArgumentException("gives " + function.yamlName() + " a window, but it always looks at the "
          + "key's whole history; remove '" + call.group(3).strip() + "'");
    }
    Duration size = duration("window size", words[1], Duration.ofMillis(1), MAX_SIZE);
    if (words.length == 3) {
      return new AggregateSpec(split.name(), function, field, size, size, true);
    }
    Duration step = words.length == 4 ? duration("bucket width", words[3], Duration.ofMillis(1), size)
        : defaultStep(size);
    if (size.toMillis() % step.toMillis() != 0) {
      throw new IllegalArgumentException("has buckets of " + WindowDurations.show(step) + ", which do not divide "
          + "the window of " + WindowDurations.show(size) + "; use a width that does");
    }
    if (size.toMillis() / step.toMillis() > MAX_BUCKETS) {
      throw new IllegalArgumentException("keeps " + size.toMillis() / step.toMillis() + " buckets, more than "
          + MAX_BUCKETS + "; use a wider 'every'");
    }
    return new AggregateSpec(split.name(), function, field, size, step, false);
  }

  private static AggregateFunction function(String name) {
    if (!FUNCTIONS.contains(name)) {
      throw new IllegalArgumentException("calls '" + name + "', which is not an aggregate function; use one of "
          + String.join(", ", FUNCTIONS) + Suggest.clause(name, FUNCTIONS));
    }
    return AggregateFunction.valueOf(name.toUpperCase(Locale.ROOT));
  }

  private static String argument(AggregateFunction function, String text) {
    String name = function.yamlName();
    if (function.argument() == AggregateFunction.Argument.NONE) {
      if (!text.isEmpty()) {
        throw new IllegalArgumentException("calls " + name + "(" + text + "), but " + name + "() takes no field");
      }
      return null;
    }
    if (text.isEmpty()) {
      throw new IllegalArgumentException("calls " + name + "() without a field; write " + name + "(<field>)");
    }
    try {
      return Values.identifier(text, "field name");
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("calls " + name + " on '" + text + "', which " + e.getMessage());
    }
  }

  private static Duration duration(String what, String text, Duration min, Duration max) {
    try {
      return WindowDurations.parse(text, min, max);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("has the " + what + " '" + text + "', which " + e.getMessage());
    }
  }

  private static Duration defaultStep(Duration size) {
    if (size.toMillis() % DEFAULT_BUCKETS != 0) {
      throw new IllegalArgumentException("has a window of " + WindowDurations.show(size) + ", which does not split "
          + "into " + DEFAULT_BUCKETS + " buckets of whole milliseconds; give the bucket width, such as 'over "
          + WindowDurations.show(size) + " every " + WindowDurations.show(size.dividedBy(10).isZero()
          ? size : size.dividedBy(10)) + "'");
    }
    return size.dividedBy(DEFAULT_BUCKETS);
  }
}
