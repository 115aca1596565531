/**
 * The pipeline spec: immutable records that say what a Gyre pipeline reads, computes, scores and
 * writes, and {@link dev.gyre.spec.SpecLoader}, which reads them from YAML. Loading checks the whole
 * file and reports every problem at once as a {@link dev.gyre.api.SpecException}, each problem with
 * its YAML path and line; {@link dev.gyre.spec.SpecDocument} keeps those locations so later checks
 * (formulas, models) can point at the same lines. Nothing here knows about Pulsar clients: topic
 * names are plain values checked for form only. Every key, its default and its meaning is listed
 * in {@code docs/spec-reference.md}.
 */
package dev.gyre.spec;
