package dev.gyre.remote.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gyre.api.ModelDescriptor;
import dev.gyre.api.ModelException;
import java.util.List;

/**
 * Checks a remote model at load, so the first event never discovers a broken setup: the server is
 * ready, it serves the model (and the version, if it lists versions), the model takes one FP32
 * input {@code [rows, inputs]}, and it has an output Gyre can read.
 *
 * @param modelPath the model's path on the server, {@code /v2/models/<name>[/versions/<v>]}
 * @param input     the name of the model's input tensor
 * @param reader    how responses become predictions
 */
public record RemoteLoader(String modelPath, String input, OutputReader reader) {

  /** @throws ModelException naming the URL, the model, what was wrong and what to do */
  public static RemoteLoader check(ModelDescriptor d, V2Client client, RemoteOptions options) {
    try {
      client.get("/v2/health/ready");
    } catch (CallFailure e) {
      throw fail(d, "is not ready: " + e.getMessage(),
          "Start the model server, or fix model.url (Gyre calls <url>/v2/health/ready and <url>/v2/models/<name>).");
    }
    JsonNode json;
    try {
      json = client.get(V2Client.modelPath(d.name(), null));
    } catch (CallFailure e) {
      throw fail(d, "does not describe model '" + d.name() + "': " + e.getMessage(),
          "Check model.name against the models the server serves (GET <url>/v2/repository/index on most servers).");
    }
    ModelMetadata metadata = ModelMetadata.of(json);
    String version = null;
    if (!metadata.versions().isEmpty()) {
      if (!metadata.versions().contains(d.version())) {
        throw fail(d, "serves versions " + metadata.versions() + " of model '" + d.name() + "' but the spec asks for "
            + "version '" + d.version() + "'", "Set model.version to one the server serves.");
      }
      version = d.version();
    }
    List<ModelMetadata.Tensor> inputs = metadata.inputs();
    if (inputs.size() != 1) {
      throw fail(d, "says model '" + d.name() + "' takes " + inputs.size() + " input tensors " + inputs,
          "Gyre sends one FP32 tensor [rows, " + d.inputs().size() + "]: serve a model with a single input.");
    }
    ModelMetadata.Tensor input = inputs.get(0);
    boolean widthFits = input.shape().size() == 2
        && (input.shape().get(1) == -1 || input.shape().get(1) == d.inputs().size());
    if (!input.datatype().equals("FP32") || !widthFits) {
      throw fail(d, "says model '" + d.name() + "' takes " + input + " but the spec gives " + d.inputs().size()
          + " inputs " + d.inputs() + ", sent as FP32 [rows, " + d.inputs().size() + "]",
          "List exactly the features the model takes in model.inputs, or serve a model with an FP32 input [-1, "
              + d.inputs().size() + "].");
    }
    OutputReader reader = OutputReader.choose(metadata, options.labels());
    if (reader == null) {
      throw fail(d, "says model '" + d.name() + "' has no output Gyre can read among " + metadata.outputs(),
          "Gyre reads float class probabilities [rows, classes] (with or without a label output), or one float "
              + "per row (regression).");
    }
    long classes = metadata.outputs().stream().filter(t -> reader.requested().contains(t.name()) && t.severalPerRow())
        .mapToLong(t -> t.shape().get(1)).findFirst().orElse(-1);
    if (reader.expectedClasses() > 0 && classes > 0 && classes != reader.expectedClasses()) {
      throw fail(d, "says the probability output of model '" + d.name() + "' has " + classes + " columns but "
          + reader.expectedClasses() + " labels are given", "Give one label per output column, in column order.");
    }
    return new RemoteLoader(V2Client.modelPath(d.name(), version), input.name(), reader);
  }

  private static ModelException fail(ModelDescriptor d, String what, String todo) {
    return new ModelException("the model server at " + d.url() + " " + what + ". " + todo);
  }
}
