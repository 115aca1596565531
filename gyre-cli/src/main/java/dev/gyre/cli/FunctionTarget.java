package dev.gyre.cli;

import dev.gyre.api.StageException;
import dev.gyre.core.plan.ModelLoader;
import dev.gyre.core.plan.PipelinePlan;
import dev.gyre.core.plan.PipelinePlanner;
import dev.gyre.spec.SpecLoader;
import java.nio.file.Path;
import org.apache.pulsar.client.admin.PulsarAdmin;
import org.apache.pulsar.client.api.PulsarClientException;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The spec and the Pulsar admin endpoint that deploy, status and undeploy work on. */
final class FunctionTarget {
  @Parameters(index = "0", paramLabel = "SPEC", description = "the pipeline spec (YAML)")
  Path specFile;

  @Option(names = "--admin-url", defaultValue = "http://localhost:8080",
      description = "the Pulsar admin URL of a cluster with a functions worker (default: ${DEFAULT-VALUE})")
  String adminUrl;

  /** Checks the spec completely (models included) before anything touches the cluster. */
  PipelinePlan plan() {
    return new PipelinePlanner(ModelLoader.serviceLoader()).plan(SpecLoader.load(specFile));
  }

  PulsarAdmin admin() {
    try {
      return PulsarAdmin.builder().serviceHttpUrl(adminUrl).build();
    } catch (PulsarClientException e) {
      throw new StageException("cannot reach the Pulsar admin API at " + adminUrl + ": " + e.getMessage(), true, e);
    }
  }
}
