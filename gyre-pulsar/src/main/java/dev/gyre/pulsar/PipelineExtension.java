package dev.gyre.pulsar;

import dev.gyre.core.plan.PipelinePlan;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.pulsar.client.admin.PulsarAdmin;
import org.apache.pulsar.client.api.PulsarClient;

/**
 * Something that runs next to a pipeline's stages in a {@link PipelineRunner}, such as the model
 * registry's watchers ({@code gyre-registry}). Found with {@link java.util.ServiceLoader}: an
 * implementation is listed in {@code META-INF/services/dev.gyre.pulsar.PipelineExtension}, so the
 * stage host does not depend on what extends it.
 *
 * <p>{@link PipelineRunner#start} calls {@link #start} once, on its own thread, after the
 * pipeline's topics exist and before any stage instance receives an event; what it returns is
 * closed once every stage instance has stopped. An extension that has nothing to do for a plan
 * returns a no-op.
 */
public interface PipelineExtension {

  /**
   * Starts this extension's work for {@code plan}.
   *
   * @param plan    the plan about to run; its {@link PipelinePlan#routers()} are shared with the stages
   * @param client  the runner's client, shared; do not close it
   * @param admin   an admin client, valid for the duration of this call only
   * @param metrics where to register meters
   * @return what to close after the stages stopped; never null
   * @throws dev.gyre.api.GyreException when the pipeline must not start
   */
  AutoCloseable start(PipelinePlan plan, PulsarClient client, PulsarAdmin admin, MeterRegistry metrics);
}
