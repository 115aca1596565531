/**
 * Synthetic streams with known concept drift, and the prequential (test-then-train) harness that runs a
 * learner over them with delayed labels: {@link dev.gyre.learn.synthetic.SeaGenerator} (SEA concepts,
 * abrupt drift) and {@link dev.gyre.learn.synthetic.RotatingHyperplane} (gradual drift), both seeded, and
 * {@link dev.gyre.learn.synthetic.Prequential}. Used by the demonstration test and the benchmark.
 */
package dev.gyre.learn.synthetic;
