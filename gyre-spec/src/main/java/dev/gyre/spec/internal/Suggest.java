package dev.gyre.spec.internal;

import java.util.Collection;
import java.util.Locale;

/** Finds the word a user probably meant, by edit distance ignoring case. */
public final class Suggest {
  private Suggest() {}

  /** {@code "; did you mean 'x'?"} for the closest candidate, or an empty string when none is close. */
  public static String clause(String typed, Collection<String> candidates) {
    String best = closest(typed, candidates);
    return best == null ? "" : "; did you mean '" + best + "'?";
  }

  /**
   * The closest candidate, or null when none is close. Close means within a third of the longer
   * word's length in edits (at least 2, and fewer than the shorter word's length), or an
   * abbreviation: the typed letters, at least 3, appear in order in the candidate ({@code dbl}).
   */
  public static String closest(String typed, Collection<String> candidates) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    String a = typed.toLowerCase(Locale.ROOT);
    for (String candidate : candidates) {
      String b = candidate.toLowerCase(Locale.ROOT);
      int distance = distance(a, b);
      int allowed = Math.max(2, Math.max(a.length(), b.length()) / 3);
      boolean close = distance <= allowed && distance < Math.min(a.length(), b.length());
      if ((close || abbreviates(a, b)) && distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    return best;
  }

  private static boolean abbreviates(String typed, String word) {
    if (typed.length() < 3 || typed.length() >= word.length() || typed.charAt(0) != word.charAt(0)) {
      return false;
    }
    int at = 0;
    for (char c : typed.toCharArray()) {
      at = word.indexOf(c, at) + 1;
      if (at == 0) {
        return false;
      }
    }
    return true;
  }

  /** Levenshtein distance. */
  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
