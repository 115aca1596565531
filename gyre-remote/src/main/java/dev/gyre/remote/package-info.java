/**
 * Models served by a remote model server over the Open Inference Protocol (KServe v2, REST and
 * JSON): {@link dev.gyre.remote.RemoteModelProvider} for {@code format: kserve-v2}, and
 * {@link dev.gyre.remote.RemoteModel}, which calls the server once per micro-batch with a timeout,
 * retries with backoff, a concurrency limit, a circuit breaker and a fallback. gRPC is not supported.
 */
package dev.gyre.remote;
