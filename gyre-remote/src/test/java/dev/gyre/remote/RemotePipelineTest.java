package dev.gyre.remote;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gyre.core.driver.PipelineDriver;
import dev.gyre.core.driver.PipelineDriver.DeadLettered;
import dev.gyre.core.driver.PipelineDriver.Delivered;
import dev.gyre.core.driver.PipelineDriver.Result;
import dev.gyre.core.plan.ModelLoader;
import dev.gyre.core.plan.PipelinePlanner;
import dev.gyre.spec.SpecLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A pipeline whose score stage calls the v2 server writes what the same pipeline with the ONNX file writes. */
class RemotePipelineTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SPEC = """
      name: iris
      key: id
      source:
        topic: persistent://ml/raw/iris
        schema:
          fields: {id: string, a: double, b: double, c: double, d: double}
      stages:
        - name: scale
          type: features
          output: persistent://ml/features/iris
          features:
            - f0 = a / 2
            - f1 = b - 1
            - f2 = c * 3
            - f3 = d
        - name: score
          type: score
          output: persistent://ml/predictions/iris
          model:
            name: iris
      """;

  @TempDir static Path dir;
  private static Path file;
  private static KServeV2TestServer server;

  @BeforeAll
  static void start() throws Exception {
    file = TestModels.classifier(dir.resolve("iris.onnx"), 4, 3, Map.of("gyre.labels", "setosa,versicolor,virginica"));
    server = KServeV2TestServer.start(Map.of("iris", file));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static PipelineDriver driver(String model) {
    var plan = new PipelinePlanner(ModelLoader.serviceLoader()).plan(SpecLoader.parse(SPEC + model, dir));
    return new PipelineDriver(plan, Clock.systemUTC());
  }

  private static List<byte[]> events(int count) {
    Random random = new Random(11);
    List<byte[]> events = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      ObjectNode event = JSON.createObjectNode().put("id", "k" + i % 7);
      for (String field : List.of("a", "b", "c", "d")) {
        event.put(field, Math.round(random.nextGaussian() * 1000) / 100.0);
      }
      events.add(event.toString().getBytes(StandardCharsets.UTF_8));
    }
    return events;
  }

  private static List<Result> run(PipelineDriver driver, List<byte[]> events) {
    List<Result> results = new ArrayList<>();
    for (byte[] event : events) {
      results.add(driver.send(null, event));
    }
    return results;
  }

  private static String text(Result result) {
    return result instanceof Delivered d ? new String(d.value(), StandardCharsets.UTF_8) : result.toString();
  }

  @Test
  void shouldWriteTheSamePredictionsAsTheEmbeddedModel() {
    List<byte[]> events = events(300);
    try (PipelineDriver embedded = driver("      path: iris.onnx\n      inputs: [f0, f1, f2, f3]\n");
        PipelineDriver remote = driver("      format: kserve-v2\n      url: " + server.url()
            + "\n      inputs: [f0, f1, f2, f3]\n")) {
      List<String> expected = run(embedded, events).stream().map(RemotePipelineTest::text).toList();
      List<String> actual = run(remote, events).stream().map(RemotePipelineTest::text).toList();

      assertThat(expected).allMatch(t -> t.contains("\"model\":\"iris\"")).hasSize(300);
      assertThat(actual).containsExactlyElementsOf(expected);
      assertThat(expected.stream().map(t -> t.replaceAll(".*\"prediction\":\"([a-z]+)\".*", "$1")).distinct())
          .containsExactlyInAnyOrder("setosa", "versicolor", "virginica");
    }
  }

  @Test
  void shouldDeadLetterWithModelErrorOrWriteTheFallbackWhenTheServerFails() throws Exception {
    byte[] event = events(1).get(0);
    try (PipelineDriver deadLetter = driver("      format: kserve-v2\n      url: " + server.url()
            + "\n      inputs: [f0, f1, f2, f3]\n      remote: {retries: 1, backoff: 1ms}\n");
        PipelineDriver fallback = driver("      format: kserve-v2\n      url: " + server.url()
            + "\n      inputs: [f0, f1, f2, f3]\n      remote:\n        retries: 0\n"
            + "        fallback: {label: unknown, probability: -1}\n")) {
      server.failNext(2, 503);
      Result dead = deadLetter.send(null, event);
      assertThat(dead).isInstanceOf(DeadLettered.class);
      assertThat(((DeadLettered) dead).reason()).isEqualTo("model-error");
      assertThat(((DeadLettered) dead).detail()).startsWith("model 'iris' failed: model 'iris' at " + server.url()
          + ": the call to " + server.url() + "/v2/models/iris/infer failed: POST " + server.url()
          + "/v2/models/iris/infer answered 503");

      server.failNext(1, 503);
      ObjectNode written = (ObjectNode) JSON.readTree(((Delivered) fallback.send(null, event)).value());
      assertThat(written.get("prediction").asText()).isEqualTo("unknown");
      assertThat(written.get("probability").asDouble()).isEqualTo(-1.0);
    }
  }
}
