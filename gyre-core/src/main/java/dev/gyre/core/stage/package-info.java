/**
 * The stages Gyre ships: {@link dev.gyre.core.stage.FeatureStage} computes formulas,
 * {@link dev.gyre.core.stage.ScoreStage} runs a model. Both decode a JSON event, check it against
 * their input fields, add their outputs and keep every other field. They are plain
 * {@link dev.gyre.api.Stage}s: Gyre's stage host, a Pulsar Function and tests drive the same code.
 */
package dev.gyre.core.stage;
