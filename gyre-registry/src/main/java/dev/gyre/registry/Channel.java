package dev.gyre.registry;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Which versions of one model serve: the champion, the champions before it (for rollback), an
 * optional canary with the share of keys it serves, and an optional shadow that scores every event
 * beside the champion into a shadow topic without serving any. Immutable; each change returns a new
 * channel, which the registry stores whole, so stages never see half a change.
 *
 * @param name        the model's name
 * @param champion    the version serving every key outside the canary, or null before the first promotion
 * @param history     earlier champions, oldest first, at most {@value #HISTORY} of them
 * @param canary      the version serving {@code canaryShare} of the keys, or null for none
 * @param canaryShare in [0, 1]; 0 when there is no canary
 * @param shadow      the version scoring every event into the shadow topic, or null for none
 * @param updatedAt   when this state was written
 * @param updatedBy   who wrote it, {@code user@host}
 */
public record Channel(String name, String champion, List<String> history, String canary, double canaryShare,
    String shadow, Instant updatedAt, String updatedBy) {
  /** How many earlier champions are kept for rollback. */
  public static final int HISTORY = 20;

  public Channel {
    Objects.requireNonNull(name, "name");
    history = List.copyOf(history);
    if (!(canaryShare >= 0 && canaryShare <= 1)) {
      throw new IllegalArgumentException("canaryShare must be in [0, 1] but was " + canaryShare);
    }
    if ((canary == null) != (canaryShare == 0)) {
      throw new IllegalArgumentException("a canary needs a share above 0, and a share needs a canary");
    }
    updatedBy = Objects.requireNonNullElse(updatedBy, "");
  }

  /** The state of a model nothing was promoted for yet. */
  public static Channel empty(String name) {
    return new Channel(name, null, List.of(), null, 0, null, Instant.EPOCH, "");
  }

  /**
   * Makes {@code version} the champion; the current one goes to the history. A canary or shadow of
   * the same version ends (it is the champion now); another canary or shadow stays.
   *
   * @throws IllegalStateException if {@code version} is the champion already
   */
  public Channel promote(String version, Instant at, String by) {
    if (version.equals(champion)) {
      throw new IllegalStateException("version " + version + " of '" + name + "' is the champion already");
    }
    List<String> earlier = new ArrayList<>(history);
    if (champion != null) {
      earlier.add(champion);
    }
    boolean canaryPromoted = version.equals(canary);
    return new Channel(name, version, trim(earlier), canaryPromoted ? null : canary,
        canaryPromoted ? 0 : canaryShare, version.equals(shadow) ? null : shadow, at, by);
  }

  /**
   * Makes the previous champion the champion again, and forgets the current one.
   *
   * @throws IllegalStateException if there is no earlier champion
   */
  public Channel rollback(Instant at, String by) {
    if (history.isEmpty()) {
      throw new IllegalStateException("'" + name + "' has no earlier champion to roll back to"
          + (champion == null ? "" : " (version " + champion + " serves)"));
    }
    List<String> earlier = new ArrayList<>(history);
    String previous = earlier.remove(earlier.size() - 1);
    boolean canaryIsPrevious = previous.equals(canary);
    return new Channel(name, previous, earlier, canaryIsPrevious ? null : canary,
        canaryIsPrevious ? 0 : canaryShare, previous.equals(shadow) ? null : shadow, at, by);
  }

  /**
   * Routes {@code share} of the keys to {@code version}; a share of 0 ends the canary.
   *
   * @throws IllegalStateException if there is no champion yet, or {@code version} is the champion
   * @throws IllegalArgumentException if {@code share} is not in [0, 1]
   */
  public Channel canary(String version, double share, Instant at, String by) {
    if (!(share >= 0 && share <= 1)) {
      throw new IllegalArgumentException("the share must be from 0 to 1 (0.1 is 10% of keys) but was " + share);
    }
    if (share == 0) {
      return new Channel(name, champion, history, null, 0, shadow, at, by);
    }
    if (champion == null) {
      throw new IllegalStateException("'" + name + "' has no champion yet; promote a version before a canary");
    }
    if (version.equals(champion)) {
      throw new IllegalStateException("version " + version + " of '" + name + "' is the champion; a canary"
          + " must be another version");
    }
    return new Channel(name, champion, history, version, share, shadow, at, by);
  }

  /**
   * Makes {@code version} score every event into the shadow topic beside the champion, or ends the
   * shadow with {@code null}. The shadow serves no key: its predictions only go to the shadow topic,
   * to be compared with the champion's.
   *
   * @throws IllegalStateException if {@code version} is the champion
   */
  public Channel shadow(String version, Instant at, String by) {
    if (version != null && version.equals(champion)) {
      throw new IllegalStateException("version " + version + " of '" + name + "' is the champion; a shadow"
          + " must be another version");
    }
    return new Channel(name, champion, history, canary, canaryShare, version, at, by);
  }

  private static List<String> trim(List<String> history) {
    return history.size() <= HISTORY ? history : history.subList(history.size() - HISTORY, history.size());
  }
}
