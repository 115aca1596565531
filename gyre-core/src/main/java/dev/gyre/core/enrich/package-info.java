/**
 * Enrichment with reference data: a {@link dev.gyre.core.enrich.ReferenceTable} is a live key-to-row
 * lookup (a runtime backs it with a compacted topic; {@link dev.gyre.core.enrich.InMemoryReferenceTable}
 * serves tests and the driver), {@link dev.gyre.core.enrich.ReferenceTables} holds a plan's tables so
 * a runtime can bind them before stages start, and {@link dev.gyre.core.enrich.ReferenceJoin} adds a
 * row's typed fields to an event or applies the spec's missing-row policy. Nothing here knows Pulsar.
 */
package dev.gyre.core.enrich;
