package dev.gyre.api;

import java.util.ArrayList;
import java.util.List;

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

  /**
   * Decides the fate of several records at once, as if {@link #process} were called on each in
   * order: a runtime that receives records in bursts calls this so a stage can share work between
   * them (one model call for a whole micro-batch). Stages that gain nothing keep the default.
   *
   * <p>An exception escaping this method makes the runtime fall back to {@link #process} for each
   * record of the batch, so only the record that causes it is dead-lettered.
   *
   * @param records the inputs in their input order, at least one
   * @return one outcome per record, in the same order; never null
   */
  default List<Outcome> processBatch(List<InputRecord> records) {
    List<Outcome> outcomes = new ArrayList<>(records.size());
    for (InputRecord record : records) {
      outcomes.add(process(record));
    }
    return outcomes;
  }

  /** Releases what {@link #init} acquired. Called once; must not throw. */
  @Override
  void close();
}
