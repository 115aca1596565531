/**
 * Micrometer instruments for stages. Every runtime (Gyre's stage host, the Pulsar Function
 * adapter, the broker-less test driver) records through {@link dev.gyre.core.metrics.StageMetrics},
 * so metric names and tags are defined once. Recording never throws into the data path.
 */
package dev.gyre.core.metrics;
