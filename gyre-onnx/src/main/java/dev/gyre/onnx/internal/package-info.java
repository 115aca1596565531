/**
 * Implementation of the ONNX model plug-in, not part of Gyre's API: option parsing, the load-time
 * checks of a model file against its descriptor, and the readers that turn each supported output
 * form into a {@link dev.gyre.api.Prediction}. Classes here may change without notice.
 */
package dev.gyre.onnx.internal;
