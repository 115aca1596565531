package dev.gyre.sinks.internal;

import dev.gyre.api.StageException;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves {@code ${NAME}} references to environment variables in sink settings when a sink starts,
 * so secrets stay out of specs; {@code $$} stands for a literal {@code $}. The spec loader already
 * refused any other {@code $}.
 */
public final class EnvReferences {
  private static final Pattern REFERENCE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}|\\$\\$");

  private EnvReferences() {}

  /**
   * The text with each reference replaced by the variable's value.
   *
   * @param text  the setting as written, or null
   * @param env   looks up a variable, such as {@code System::getenv}
   * @param where the setting, for the message, such as {@code sinks 'db' password}
   * @throws StageException naming the setting and the variable when a variable is not set
   */
  public static String resolve(String text, Function<String, String> env, String where) {
    if (text == null) {
      return null;
    }
    Matcher m = REFERENCE.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = m.group(1) == null ? "$" : env.apply(m.group(1));
      if (value == null) {
        throw new StageException(where + " refers to ${" + m.group(1) + "}, which is not set in the environment;"
            + " set it before starting the pipeline", false);
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }
}
