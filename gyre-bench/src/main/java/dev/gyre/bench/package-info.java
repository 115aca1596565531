/**
 * {@code gyre bench}: drives a pipeline open-loop at fixed rates and measures its highest sustained
 * throughput and its end-to-end latency (HdrHistogram, from each event's intended send time, which
 * corrects for coordinated omission), next to raw Pulsar's single hop and the same stages as Pulsar
 * Functions, on the same broker in the same run. The pieces are plain classes: {@link
 * dev.gyre.bench.LoadGenerator} and {@link dev.gyre.bench.Schedule} (open-loop sending), {@link
 * dev.gyre.bench.ThroughputSearch} and {@link dev.gyre.bench.Criterion} (what "sustained" means),
 * {@link dev.gyre.bench.Scenario}s, and {@link dev.gyre.bench.Results} (JSON, CSV and Markdown).
 */
package dev.gyre.bench;
