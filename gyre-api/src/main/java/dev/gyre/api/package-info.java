/**
 * Gyre's public API: the {@link dev.gyre.api.Stage} contract that every pipeline step implements,
 * the {@link dev.gyre.api.Model} and {@link dev.gyre.api.ModelProvider} plug-in contracts, and the
 * single error hierarchy rooted at {@link dev.gyre.api.GyreException}. This package depends on the
 * JDK alone, so runtimes (Gyre's stage host, a Pulsar Function) can adapt it without dragging in
 * third-party types.
 */
package dev.gyre.api;
