/**
 * The feedback join: {@link dev.gyre.learn.join.FeedbackJoin} keeps each prediction until its outcome
 * arrives or its horizon passes, and turns a matched pair into a
 * {@link dev.gyre.learn.join.JoinedExample} for evaluation and learning. Outcomes that match nothing,
 * repeated outcomes and predictions that expire or are evicted are counted, never silently dropped.
 * {@link dev.gyre.learn.join.JoinStateCodec} writes the whole state as versioned bytes, so a host can
 * keep it durable in a changelog or snapshot. Plain Java, no broker.
 */
package dev.gyre.learn.join;
