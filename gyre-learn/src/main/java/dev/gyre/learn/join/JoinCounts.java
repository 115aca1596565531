package dev.gyre.learn.join;

/**
 * Counters of a {@link FeedbackJoin} since it started (they survive a codec round trip). Every
 * prediction ends up joined, expired or evicted (or is still pending, or was a duplicate), and every
 * outcome joined, duplicate, unmatched or late.
 *
 * @param predictions          predictions added, duplicates included
 * @param duplicatePredictions predictions whose event id was already pending; the first one is kept
 * @param joined               outcomes joined to a prediction
 * @param duplicateOutcomes    outcomes for an already joined prediction, ignored
 * @param unmatchedOutcomes    outcomes matching no known prediction
 * @param lateOutcomes         outcomes that came after their prediction's horizon
 * @param expiredPredictions   predictions whose horizon passed without an outcome (late ones included)
 * @param evictedPredictions   predictions evicted because the join was full
 */
public record JoinCounts(
    long predictions, long duplicatePredictions, long joined, long duplicateOutcomes, long unmatchedOutcomes,
    long lateOutcomes, long expiredPredictions, long evictedPredictions) {}
