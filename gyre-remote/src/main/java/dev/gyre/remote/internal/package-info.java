/**
 * How {@link dev.gyre.remote.RemoteModel} works inside: the options it reads, the KServe v2 REST
 * client and its JSON, how responses become predictions, and the resilience around each call (a
 * concurrency limit, retries with backoff and jitter, a circuit breaker). Not an API: may change.
 */
package dev.gyre.remote.internal;
