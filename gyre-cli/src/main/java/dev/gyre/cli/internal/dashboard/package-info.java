/**
 * The live dashboard that {@code gyre run} and {@code gyre demo} serve next to {@code /metrics}: a
 * once-a-second history of the meter registry ({@link dev.gyre.cli.internal.dashboard.MeterHistory}),
 * the {@code /api/status} JSON computed from it (rates, recent latency percentiles, dead letters by
 * reason, models in service, and whatever other {@code gyre.*} meters exist), and a static page
 * without a build step that renders it.
 */
package dev.gyre.cli.internal.dashboard;
