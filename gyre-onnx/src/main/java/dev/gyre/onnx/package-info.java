/**
 * Serves ONNX models with ONNX Runtime: {@link dev.gyre.onnx.OnnxModelProvider} is the
 * {@code onnx} {@link dev.gyre.api.ModelProvider}, found through {@link java.util.ServiceLoader},
 * and {@link dev.gyre.onnx.OnnxModel} scores one row at a time on any number of threads. Everything
 * that can be checked is checked when the model loads (file size, that it parses, that its input
 * width and {@code gyre.inputs} metadata match the spec's feature list, that its output is one Gyre
 * can read), so a broken model fails the deployment rather than the first event. Classifier outputs
 * in Tribuo's form (a float tensor {@code [batch, classes]} of probabilities) and scikit-learn's form
 * (a sequence of label-to-probability maps) are read, as is a single float regression output.
 */
package dev.gyre.onnx;
