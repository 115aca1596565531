/**
 * Implementation of Gyre's trainers, not part of their API: the request checks, stratified split and
 * holdout report shared by both, the Tribuo fitting (including the feature-name prefixes that keep
 * Tribuo's sorted feature order equal to the training set's), the holdout metrics, the ONNX export
 * with Gyre's metadata (Tribuo's own export for logistic regression, Gyre's
 * {@code TreeEnsembleClassifier} writer for forests) and a minimal JSON writer.
 */
package dev.gyre.train.internal;
