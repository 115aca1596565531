/**
 * Which model serves an event, and changing it while the stream runs:
 * {@link dev.gyre.core.serving.ModelRouter} holds the champion and an optional canary in one
 * immutable snapshot behind an atomic reference, so a promotion or rollback is a single reference
 * change that no event sees half done.
 */
package dev.gyre.core.serving;
