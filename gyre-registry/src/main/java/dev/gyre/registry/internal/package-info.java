/**
 * The registry's internals: a minimal protobuf reader and the ONNX inspection built on it,
 * recognition of code-running serialization formats, the JSON form of records, chunked payloads,
 * the registry's topics, and its meters.
 */
package dev.gyre.registry.internal;
