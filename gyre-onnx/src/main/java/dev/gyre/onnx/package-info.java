/**
 * Serves ONNX models with ONNX Runtime: {@link dev.gyre.onnx.OnnxModelProvider} is the
 * {@code onnx} {@link dev.gyre.api.ModelProvider}, found through {@link java.util.ServiceLoader},
 * and {@link dev.gyre.onnx.OnnxModel} scores rows on any number of threads. Everything that can be
 * checked is checked when the model loads (file size, that it parses, that its inputs and
 * {@code gyre.inputs} metadata match the spec's feature list, that its output is one Gyre can read),
 * so a broken model fails the deployment rather than the first event.
 *
 * <p>Inputs: one float, double or int64 tensor {@code [batch, features]}; or several, either one
 * {@code [batch, 1]} tensor per spec input named after it (any order), or fixed-width tensors whose
 * columns, in the model's input order, are the {@code gyre.inputs} metadata's features. Rows arrive
 * as floats: double inputs get the float widened exactly, int64 inputs accept whole floats only.
 *
 * <p>Outputs: class probabilities as a float tensor {@code [batch, classes]} (Tribuo's form, and the
 * {@code probabilities} output of {@code ai.onnx.ml.TreeEnsembleClassifier}), as a sequence of
 * label-to-probability maps (scikit-learn's ZipMap), or a single float per row (regression, such as
 * {@code TreeEnsembleRegressor}).
 */
package dev.gyre.onnx;
