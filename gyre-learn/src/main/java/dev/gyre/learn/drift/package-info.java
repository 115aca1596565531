/**
 * Drift detection. Feature drift compares what a model serves against the data it was trained on: a
 * {@link dev.gyre.learn.drift.ReferenceProfile} (quantile bins and a sample per feature, JSON that can
 * live in model metadata) against a window of served rows, by PSI and the two-sample Kolmogorov-Smirnov
 * test ({@link dev.gyre.learn.drift.FeatureDriftMonitor}). Concept drift watches the error stream of
 * the joined labels with {@link dev.gyre.learn.drift.Adwin} or {@link dev.gyre.learn.drift.PageHinkley}
 * ({@link dev.gyre.learn.drift.ErrorDriftMonitor}). Both report a {@link dev.gyre.learn.drift.DriftAlert},
 * an event a host publishes.
 */
package dev.gyre.learn.drift;
