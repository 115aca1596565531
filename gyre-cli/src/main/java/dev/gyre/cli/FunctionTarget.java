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
      description = "the Pulsar admin URL of a broker; it also serves functions unless --functions-url is given (default: ${DEFAULT-VALUE})")
  String adminUrl;

  @Option(names = "--functions-url", paramLabel = "URL",
      description = "the admin URL of a functions worker that runs apart from the brokers (default: --admin-url)")
  String functionsUrl;

  /** Checks the spec completely (models included) before anything touches the cluster. */
  PipelinePlan plan() {
    return new PipelinePlanner(ModelLoader.serviceLoader()).plan(SpecLoader.load(specFile));
  }

  PulsarAdmin admin() {
    return admin(adminUrl);
  }

  /** The admin client for functions: the worker's URL if given, else the broker's. */
  PulsarAdmin functionsAdmin() {
    return admin(functionsUrl != null ? functionsUrl : adminUrl);
  }

  private static PulsarAdmin admin(String url) {
    try {
      return PulsarAdmin.builder().serviceHttpUrl(url).build();
    } catch (PulsarClientException e) {
      throw new StageException("cannot reach the Pulsar admin API at " + url + ": " + e.getMessage(), true, e);
    }
  }
}
