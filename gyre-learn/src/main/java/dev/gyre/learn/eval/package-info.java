/**
 * Online evaluation: {@link dev.gyre.learn.eval.WindowedEvaluator} keeps the latest joined examples of
 * each model version over declared windows (the last N labels, the last duration) and turns them into
 * {@link dev.gyre.learn.eval.Evaluation} snapshots: accuracy, precision, recall, F1, ROC AUC, log loss,
 * Brier score and reliability bins for classification, MAE and RMSE for regression. An evaluation is a
 * JSON document, the payload a host publishes to the feedback topic. {@link dev.gyre.learn.eval.Metrics}
 * holds each metric as a plain function over arrays.
 */
package dev.gyre.learn.eval;
