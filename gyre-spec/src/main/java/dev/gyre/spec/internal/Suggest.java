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
   * The closest candidate within a third of the longer word's length (at least 2 edits) and fewer
   * edits than the shorter word has letters, or null.
   */
  public static String closest(String typed, Collection<String> candidates) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    String a = typed.toLowerCase(Locale.ROOT);
    for (String candidate : candidates) {
      String b = candidate.toLowerCase(Locale.ROOT);
      int distance = distance(a, b);
      int allowed = Math.max(2, Math.max(a.length(), b.length()) / 3);
      if (distance <= allowed && distance < Math.min(a.length(), b.length()) && distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    return best;
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
