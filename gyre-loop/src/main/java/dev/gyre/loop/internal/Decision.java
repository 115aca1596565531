package dev.gyre.loop.internal;

/**
 * What the online learner's contest decided, published on the evaluation topic with {@code type} as
 * the decision.
 *
 * @param type            {@code snapshot} (pushed to the registry), {@code promotion}, {@code rejection}
 *                        (a candidate that did not beat the champion), {@code rollback}, or {@code kept} (a
 *                        promoted version that held up)
 * @param model           the model's name
 * @param version         the version decided on
 * @param against         the version it was compared with (the champion, or the one it replaced); for a
 *                        snapshot, the candidate still being judged (the snapshot waits), or null
 * @param accuracy        the version's accuracy on the labels judged, or NaN
 * @param againstAccuracy the other version's accuracy on the same labels (or its earlier one), or NaN
 * @param labels          how many labels the decision rests on; for a snapshot, the labels learned
 */
public record Decision(String type, String model, String version, String against, double accuracy,
    double againstAccuracy, long labels) {}
