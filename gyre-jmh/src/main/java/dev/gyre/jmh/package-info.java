/**
 * JMH micro-benchmarks of Gyre's hot paths against their raw baselines. Not shipped; run with
 * {@code java -cp "gyre-jmh/target/classes:gyre-jmh/target/lib/*" org.openjdk.jmh.Main} (see
 * docs/benchmarks.md).
 */
package dev.gyre.jmh;
