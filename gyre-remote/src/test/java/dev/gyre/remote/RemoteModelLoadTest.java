package dev.gyre.remote;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gyre.api.ModelDescriptor;
import dev.gyre.api.ModelException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Everything wrong with the server or the model fails at load, naming the URL and the model. */
class RemoteModelLoadTest {
  @TempDir static Path dir;
  private static KServeV2TestServer server;

  @BeforeAll
  static void start() throws Exception {
    server = KServeV2TestServer.start(Map.of(
        "reg", TestModels.regression(dir.resolve("reg.onnx"), 3),
        "two", TestModels.twoInputs(dir.resolve("two.onnx"))));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static void load(URI url, String name, List<String> inputs, Map<String, String> options) {
    RemoteModel.load(ModelDescriptor.remote(name, "1", "kserve-v2", url, inputs, options), Clock.systemUTC());
  }

  @Test
  void shouldNameTheUrlWhenTheServerIsDown() throws Exception {
    URI down;
    try (ServerSocket socket = new ServerSocket(0)) {
      down = URI.create("http://127.0.0.1:" + socket.getLocalPort());
    }
    URI url = down;
    assertThatThrownBy(() -> load(url, "reg", List.of("a", "b", "c"), Map.of()))
        .isInstanceOf(ModelException.class)
        .hasMessageStartingWith("the model server at " + url + " is not ready: GET " + url + "/v2/health/ready failed:")
        .hasMessageEndingWith("Start the model server, or fix model.url (Gyre calls <url>/v2/health/ready and "
            + "<url>/v2/models/<name>).");
  }

  @Test
  void shouldNameTheModelTheServerDoesNotHave() {
    assertThatThrownBy(() -> load(server.url(), "nope", List.of("a"), Map.of()))
        .isInstanceOf(ModelException.class)
        .hasMessage("the model server at " + server.url() + " does not describe model 'nope': GET " + server.url()
            + "/v2/models/nope answered 404: {\"error\": \"no model at /v2/models/nope\"}. Check model.name against "
            + "the models the server serves (GET <url>/v2/repository/index on most servers).");
  }

  @Test
  void shouldRefuseSpecInputsThatDoNotFitTheModelsInput() {
    assertThatThrownBy(() -> load(server.url(), "reg", List.of("a", "b"), Map.of()))
        .isInstanceOf(ModelException.class)
        .hasMessage("the model server at " + server.url() + " says model 'reg' takes x FP32 [-1, 3] but the spec "
            + "gives 2 inputs [a, b], sent as FP32 [rows, 2]. List exactly the features the model takes in "
            + "model.inputs, or serve a model with an FP32 input [-1, 2].");
  }

  @Test
  void shouldRefuseModelWithSeveralInputTensors() {
    assertThatThrownBy(() -> load(server.url(), "two", List.of("a", "b"), Map.of()))
        .isInstanceOf(ModelException.class)
        .hasMessage("the model server at " + server.url() + " says model 'two' takes 2 input tensors "
            + "[a FP32 [-1, 2], b FP32 [-1, 2]]. Gyre sends one FP32 tensor [rows, 2]: serve a model with a single input.");
  }

  @Test
  void shouldRefuseUnknownOptionsAndBadValues() {
    assertThatThrownBy(() -> load(server.url(), "reg", List.of("a", "b", "c"), Map.of("retry", "1")))
        .hasMessage("model 'reg' at " + server.url() + " has unknown option(s) [retry]; use only [backoff, "
            + "circuitCoolDown, circuitFailures, fallback, fallbackLabel, fallbackProbability, labels, maxConcurrency, "
            + "retries, timeout]");
    assertThatThrownBy(() -> load(server.url(), "reg", List.of("a", "b", "c"), Map.of("timeout", "PT0S")))
        .hasMessage("model 'reg' at " + server.url() + " has option timeout 'PT0S', which is not a positive "
            + "ISO-8601 duration such as PT0.5S");
  }
}
