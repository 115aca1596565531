/**
 * The learning loop on Pulsar: {@link dev.gyre.loop.LoopExtension} runs next to a pipeline's stages
 * when its spec has {@code feedback}. It joins outcomes from the feedback topic to the predictions of
 * the last stage, publishes evaluations per model version and drift alerts as events and metrics, and
 * with {@code learning.online} trains a learner on every joined label, pushes its snapshots to the
 * model registry, promotes a snapshot that beats the champion and rolls back one that then does worse.
 * The logic lives in {@code gyre-learn}, broker-free; this package only adapts it to topics.
 */
package dev.gyre.loop;
