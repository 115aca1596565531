/**
 * The sinks' internals: the consumer loop that batches, writes, dead-letters and acknowledges
 * ({@code SinkRunner}); reading a message as an event ({@code EventMapper}); the PostgreSQL table,
 * its SQL and its check ({@code PostgresTable}), the JDBC writer, the webhook writer; environment
 * references in secrets; and the sinks' meters.
 */
package dev.gyre.sinks.internal;
