/**
 * Runs one Gyre stage as a plain Pulsar Function, for teams that deploy everything with
 * {@code pulsar-admin functions create}: {@link dev.gyre.functions.GyreStageFunction} is a thin
 * adapter from the Functions API to Gyre's {@link dev.gyre.api.Stage}, configured by
 * {@link dev.gyre.functions.StageFunctionConfig}. The module's {@code -all} jar bundles Gyre, its
 * libraries and ONNX Runtime (Linux natives), and nothing the Functions runtime already provides.
 */
package dev.gyre.functions;
