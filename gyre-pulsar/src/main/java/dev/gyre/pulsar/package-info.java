/**
 * Gyre on Apache Pulsar: the stage host that runs {@link dev.gyre.api.Stage}s on the Pulsar Java
 * client ({@link dev.gyre.pulsar.PipelineRunner}, {@link dev.gyre.pulsar.StageRunner}), topic and
 * schema provisioning ({@link dev.gyre.pulsar.TopicProvisioner}), and the embedded broker
 * ({@link dev.gyre.pulsar.EmbeddedPulsar}). This module is a thin adapter: what happens to an event
 * is decided in {@code gyre-core}; here it is only received, sent, acknowledged and counted.
 */
package dev.gyre.pulsar;
