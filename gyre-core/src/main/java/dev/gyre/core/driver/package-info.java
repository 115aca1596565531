/**
 * Runs a {@link dev.gyre.core.plan.PipelinePlan} in memory, without a broker, with a controllable
 * clock: for tests (like Kafka's {@code TopologyTestDriver}) and for computing training features
 * with exactly the code that computes them online.
 */
package dev.gyre.core.driver;
