/**
 * The loop's implementation: {@link dev.gyre.loop.internal.FeedbackLoop} (broker-free: messages in,
 * events out), {@link dev.gyre.loop.internal.OnlineTrainer} and {@link dev.gyre.loop.internal.Contest}
 * (online learning, promotion and rollback), and {@link dev.gyre.loop.internal.LoopRunner} (the Pulsar
 * thread, join-state snapshots and acknowledgements).
 */
package dev.gyre.loop.internal;
