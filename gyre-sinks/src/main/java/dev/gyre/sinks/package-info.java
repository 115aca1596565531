/**
 * Sinks declared in a pipeline spec's {@code sinks:}, run next to the stages by
 * {@link dev.gyre.sinks.SinkExtension} (a {@link dev.gyre.pulsar.PipelineExtension} found through
 * {@link java.util.ServiceLoader}, so {@code gyre run} gets sinks without the stage host knowing
 * them): a PostgreSQL sink upserts each event as one row keyed by its event id, a webhook sink POSTs
 * each matching event with retries. Events a sink cannot write go to its dead-letter topic with
 * the reason.
 */
package dev.gyre.sinks;
