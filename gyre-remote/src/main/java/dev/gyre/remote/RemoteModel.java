package dev.gyre.remote;

import dev.gyre.api.Model;
import dev.gyre.api.ModelDescriptor;
import dev.gyre.api.ModelException;
import dev.gyre.api.Prediction;
import dev.gyre.remote.internal.CallFailure;
import dev.gyre.remote.internal.CircuitBreaker;
import dev.gyre.remote.internal.RemoteLoader;
import dev.gyre.remote.internal.RemoteOptions;
import dev.gyre.remote.internal.ResilientCaller;
import dev.gyre.remote.internal.V2Client;
import java.nio.FloatBuffer;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A model on a KServe v2 model server, called over REST with JSON. {@link #predictBatch} sends its
 * rows as one FP32 tensor {@code [rows, inputs]} in one {@code POST <url>/v2/models/<name>/infer}
 * and returns when the answer is in: the score stage calls it once per micro-batch, in input order,
 * from its own thread, so per-key order is kept exactly as with an embedded model.
 *
 * <p>Around each call: at most {@code maxConcurrency} calls in flight over all threads; a
 * {@code timeout} per attempt; up to {@code retries} retries after a connection error, a 5xx or a
 * timeout (never after a 4xx), with exponential backoff and jitter; a circuit breaker that, after
 * {@code circuitFailures} failed attempts in a row, refuses calls for {@code circuitCoolDown}, then
 * lets one probe through. A call that finally fails, or finds the circuit open, either throws a
 * retriable {@link ModelException} (the stage dead-letters its events with reason
 * {@code model-error}) or, with a fallback configured, answers every row with the fallback
 * prediction, whose {@link Prediction#version()} is {@value Prediction#FALLBACK}.
 *
 * <p>Thread-safe. Example:
 * <pre>{@code
 * var d = ModelDescriptor.remote("churn", "1", "kserve-v2", URI.create("http://models:8000"),
 *     List.of("tenure", "spend"), Map.of("timeout", "PT0.5S", "fallback", "value", "fallbackLabel", "no"));
 * try (RemoteModel model = RemoteModel.load(d, Clock.systemUTC())) {
 *   Prediction p = model.predict(new float[] {0.4f, -1.2f});
 * }
 * }</pre>
 */
public final class RemoteModel implements Model {
  private final ModelDescriptor descriptor;
  private final RemoteOptions options;
  private final V2Client client;
  private final RemoteLoader server;
  private final ResilientCaller caller;
  private final AtomicLong fallbackRows = new AtomicLong();
  private volatile boolean closed;

  private RemoteModel(ModelDescriptor descriptor, RemoteOptions options, V2Client client, RemoteLoader server,
      Clock clock) {
    this.descriptor = descriptor;
    this.options = options;
    this.client = client;
    this.server = server;
    CircuitBreaker breaker = new CircuitBreaker(options.circuitFailures(), options.circuitCoolDown(), clock);
    this.caller = new ResilientCaller(options, breaker, descriptor.name().hashCode());
  }

  /**
   * Parses the options, then checks the server: {@code GET /v2/health/ready} answers 200, the model
   * metadata ({@code GET /v2/models/<name>}) lists the spec's version if it lists versions, has one
   * FP32 input {@code [-1, inputs().size()]}, and an output Gyre reads (see
   * {@link dev.gyre.remote.internal.OutputReader}).
   *
   * @param clock drives the circuit breaker's cool-down
   * @throws ModelException naming the URL, the model, the problem and what to do
   */
  public static RemoteModel load(ModelDescriptor descriptor, Clock clock) {
    if (descriptor.url() == null) {
      throw new ModelException("model '" + descriptor.name() + "' of format " + descriptor.format()
          + " has no url; set model.url to the model server's base URL");
    }
    RemoteOptions options = RemoteOptions.of(descriptor);
    V2Client client = new V2Client(descriptor.url(), options.timeout());
    return new RemoteModel(descriptor, options, client, RemoteLoader.check(descriptor, client, options), clock);
  }

  @Override
  public String name() {
    return descriptor.name();
  }

  @Override
  public String version() {
    return descriptor.version();
  }

  @Override
  public List<String> inputs() {
    return descriptor.inputs();
  }

  /** Scores one row with one call; see {@link #predictBatch}. */
  @Override
  public Prediction predict(float[] features) {
    if (features.length != inputs().size()) {
      throw fail("the row has " + features.length + " values but the model takes " + inputs().size()
          + " inputs " + inputs(), false, null);
    }
    return predictBatch(FloatBuffer.wrap(features), 1)[0];
  }

  /**
   * Scores {@code rowCount} rows with one call to the server.
   *
   * @throws ModelException if a value is NaN or infinite (not retriable, no call is made), if the
   *     model is closed, or, without a fallback, if the call finally fails (retriable)
   */
  @Override
  public Prediction[] predictBatch(FloatBuffer rows, int rowCount) {
    if (closed) {
      throw fail("the model is closed", false, null);
    }
    int width = inputs().size();
    if (rowCount < 1 || rows.capacity() < rowCount * width) {
      throw fail("the batch holds " + rows.capacity() + " values, too few for " + rowCount + " rows of "
          + width + " inputs", false, null);
    }
    for (int v = 0; v < rowCount * width; v++) {
      if (!Float.isFinite(rows.get(v))) {
        throw fail("input '" + inputs().get(v % width) + "' of row " + v / width + " was " + rows.get(v)
            + " but it must be a finite number; the batch was not sent", false, null);
      }
    }
    try {
      return caller.call(() -> server.reader().read(
          client.infer(server.modelPath(), server.input(), rows, rowCount, width, server.reader().requested()),
          rowCount));
    } catch (CallFailure e) {
      if (options.fallback() == null) {
        throw fail("the call to " + client.url(server.modelPath() + "/infer") + " failed: " + e.getMessage(), true, e);
      }
      fallbackRows.addAndGet(rowCount);
      Prediction[] fallback = new Prediction[rowCount];
      Arrays.fill(fallback, options.fallback());
      return fallback;
    }
  }

  /** Counters and the circuit's state, for metrics and tests. */
  public RemoteStats stats() {
    return new RemoteStats(caller.calls(), caller.failures(), caller.retries(), caller.refusedByCircuit(),
        fallbackRows.get(), caller.breaker().state().name(), caller.breaker().timesOpened());
  }

  /** Later calls throw {@link ModelException}. Idempotent; the HTTP client's connections close when idle. */
  @Override
  public void close() {
    closed = true;
  }

  private ModelException fail(String what, boolean retriable, Throwable cause) {
    return new ModelException("model '" + name() + "' at " + descriptor.url() + ": " + what, retriable, cause);
  }
}
