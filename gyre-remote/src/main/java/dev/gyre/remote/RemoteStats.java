package dev.gyre.remote;

/**
 * What a {@link RemoteModel} has done so far; a snapshot, cheap to take.
 *
 * @param calls            calls made (one per {@code predict}, or per {@code predictBatch})
 * @param failures         calls that finally failed, after their retries
 * @param retries          attempts made again after a failure on the server's side
 * @param refusedByCircuit attempts the open circuit refused without calling the server
 * @param fallbackRows     rows answered with the configured fallback prediction
 * @param circuit          the circuit breaker's state: {@code CLOSED}, {@code OPEN} or {@code HALF_OPEN}
 * @param circuitOpened    how often the circuit has opened
 */
public record RemoteStats(long calls, long failures, long retries, long refusedByCircuit, long fallbackRows,
    String circuit, long circuitOpened) {}
