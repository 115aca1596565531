/**
 * Backfill: replays a source's history (a topic from its beginning, or a JSONL or CSV file) through
 * a pipeline's feature stages with the same stage code that runs online, and writes one row per
 * event, with labels joined by event id, as a point-in-time-correct training set (CSV and Parquet).
 * {@link dev.gyre.backfill.Backfill} is the entry point; it knows nothing of files or Pulsar beyond
 * its {@link dev.gyre.backfill.EventSource}.
 */
package dev.gyre.backfill;
