/**
 * The learning loop's benchmark, {@link dev.gyre.learn.bench.LearnBench}: a main class in the test
 * sources, run with {@code mvn -pl gyre-learn test-compile exec:java}; not a test.
 */
package dev.gyre.learn.bench;
