package dev.gyre.api;

/**
 * One step of a pipeline: reads a record, returns what becomes of it.
 *
 * <p>Lifecycle, owned by the runtime (Gyre's stage host or a Pulsar Function adapter):
 * {@link #init} once before the first record, {@link #process} once per record, {@link #close} once
 * at the end. A stage instance is driven by exactly one thread at a time, records in the order of
 * their input partition, so per-key order holds; a runtime that runs a stage in parallel creates one
 * instance per thread. The runtime owns acknowledgement, batching, retries and dead-letter topics:
 * the stage only decides.
 *
 * <p>Bad input is a value, not an exception: return {@link Outcome.DeadLetter} with the reason.
 * An exception escaping {@code process} is treated as a dead letter with the exception's message,
 * never as a crash of the pipeline.
 */
public interface Stage extends AutoCloseable {

  /** Called once before the first record, on the thread that will call {@link #process}. */
  void init(StageContext context);

  /**
   * Decides the fate of one record.
   *
   * @param record the input, never {@code null}
   * @return an {@link Outcome.Emit} with the output, or an {@link Outcome.DeadLetter}; never null
   */
  Outcome process(InputRecord record);

  /** Releases what {@link #init} acquired. Called once; must not throw. */
  @Override
  void close();
}
