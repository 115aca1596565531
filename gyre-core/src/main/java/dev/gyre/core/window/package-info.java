/**
 * Per-key window aggregates on event time, in plain Java: {@link dev.gyre.core.window.WindowEngine}
 * applies events to each key's {@link dev.gyre.core.window.KeyState} (sliding windows as fixed
 * buckets, tumbling windows, HyperLogLog distinct counts, lateness, positions applied), kept in a
 * {@link dev.gyre.core.window.KeyedStateStore} and serialized by
 * {@link dev.gyre.core.window.KeyStateCodec}. Nothing here knows Pulsar or JSON.
 */
package dev.gyre.core.window;
