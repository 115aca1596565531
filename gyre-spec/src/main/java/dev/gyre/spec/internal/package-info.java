/**
 * How the spec is read, not part of the API: the one table of keys with their defaults and docs
 * ({@link dev.gyre.spec.internal.SpecKeys}), the walk over SnakeYAML's node tree that keeps every
 * node's line, value parsers whose error texts read as the end of "was '...' but it ...", and the
 * readers and cross-checks that turn YAML into the records of {@code dev.gyre.spec} while
 * collecting every problem. Other modules use {@link dev.gyre.spec.SpecLoader} instead.
 */
package dev.gyre.spec.internal;
