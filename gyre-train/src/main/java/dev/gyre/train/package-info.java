/**
 * Trains classifiers offline and exports them as ONNX models that {@code gyre-onnx} serves:
 * a {@link dev.gyre.train.TrainingSet} of labelled feature rows goes through
 * {@link dev.gyre.train.LogisticRegressionTrainer} (Tribuo's logistic regression) or
 * {@link dev.gyre.train.TreeEnsembleTrainer} (Tribuo's random forest, written as an
 * {@code ai.onnx.ml.TreeEnsembleClassifier}), both seeded and evaluated on a stratified holdout, and
 * comes out as an {@code .onnx} file whose metadata names its inputs and labels in column order and
 * carries the {@link dev.gyre.train.TrainingReport} (holdout accuracy, ROC AUC, majority baseline,
 * settings), so a served model always says how it was made and how good it was. Tribuo is an
 * implementation detail: no Tribuo type appears in this package's API.
 */
package dev.gyre.train;
