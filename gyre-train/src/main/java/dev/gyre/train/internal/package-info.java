/**
 * Implementation of Gyre's trainer, not part of its API: the stratified split, the Tribuo fitting
 * (including the feature-name prefixes that keep Tribuo's sorted feature order equal to the training
 * set's), the holdout metrics, the ONNX export with Gyre's metadata and a minimal JSON writer.
 */
package dev.gyre.train.internal;
