package dev.gyre.loop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gyre.core.plan.ModelLoader;
import dev.gyre.core.plan.PipelinePlan;
import dev.gyre.core.plan.PipelinePlanner;
import dev.gyre.learn.online.FtrlLearner;
import dev.gyre.learn.synthetic.Example;
import dev.gyre.learn.synthetic.SeaGenerator;
import dev.gyre.loop.internal.LoopMetrics;
import dev.gyre.pulsar.PipelineRunner;
import dev.gyre.pulsar.TestPulsar;
import dev.gyre.registry.ModelRegistry;
import dev.gyre.registry.PushRequest;
import dev.gyre.spec.SpecLoader;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.pulsar.client.api.Consumer;
import org.apache.pulsar.client.api.Message;
import org.apache.pulsar.client.api.Producer;
import org.apache.pulsar.client.api.Schema;
import org.apache.pulsar.client.api.SubscriptionInitialPosition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole loop on a real broker: a SEA stream with abrupt drift (θ 7 to 9.5) is scored by a
 * registry champion trained before the drift, labels arrive {@value #DELAY} events late on the
 * feedback topic, and the loop must show the drop, alert, promote an online-learned version and
 * recover, all in the events it publishes.
 */
class SeaDriftLoopIT {
  static final int EVENTS = 10_000;
  static final int DRIFT = 4_000;
  static final int DELAY = 200;
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @TempDir
  Path dir;

  @Test
  void shouldAlertPromoteAndRecoverAfterAnAbruptDrift(TestInfo test) throws Exception {
    String tenant = TestPulsar.tenant(test.getTestMethod().orElseThrow().getName());
    FtrlLearner before = new FtrlLearner("sea", List.of("x1", "x2", "x3"), "0", "1", FtrlLearner.Settings.defaults());
    SeaGenerator training = new SeaGenerator(7, 0.1, 3, 3, Long.MAX_VALUE);
    for (int i = 0; i < 3000; i++) {
      Example e = training.next();
      before.learn(e.x(), e.label());
    }
    Path v1 = Files.write(dir.resolve("sea-1.ftrl"), before.snapshot("1").toBytes());
    String yaml = """
        name: sea
        source:
          topic: persistent://%1$s/raw/sea
          schema:
            fields: {id: string, x1: double, x2: double, x3: double}
        stages:
          - name: score
            type: score
            output: persistent://%1$s/out/sea-predictions
            model: {name: sea, version: "1", format: gyre-ftrl, path: %2$s, inputs: [x1, x2, x3], registry: %1$s/models}
        feedback:
          topic: persistent://%1$s/fb/outcomes
          idField: id
          predictionIdField: id
          horizon: 10m
          evaluation: {window: 500, every: 250}
          drift: {detector: adwin, delta: 0.002}
          learning:
            online: {algorithm: ftrl, snapshotEvery: 500, promote: {margin: 0.02, minLabels: 500}}
        """.formatted(tenant, v1.toAbsolutePath());
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    var client = TestPulsar.client();
    try (ModelRegistry registry = ModelRegistry.open(client, TestPulsar.admin(), tenant + "/models", Clock.systemUTC());
         PipelinePlan plan = new PipelinePlanner(ModelLoader.serviceLoader()).plan(SpecLoader.parse(yaml, dir))) {
      registry.push(new PushRequest("sea", "1", "gyre-ftrl", v1, List.of("x1", "x2", "x3"), null, 1 << 20),
          ModelLoader.serviceLoader());
      registry.promote("sea", "1");
      PipelineRunner runner = new PipelineRunner(plan, client, meters, Clock.systemUTC());
      runner.start(TestPulsar.admin());
      try (Consumer<byte[]> evaluations = listen("persistent://" + tenant + "/fb/model-accuracy");
           Consumer<byte[]> alerts = listen("persistent://" + tenant + "/fb/model-alerts");
           Producer<byte[]> events = client.newProducer(Schema.BYTES).topic("persistent://" + tenant + "/raw/sea")
               .create();
           Producer<byte[]> outcomes = client.newProducer(Schema.BYTES).topic("persistent://" + tenant + "/fb/outcomes")
               .create()) {
        long started = System.nanoTime();
        SeaGenerator sea = new SeaGenerator(42, 0.1, 3, 4, DRIFT);
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < EVENTS + DELAY; i++) {
          if (i < EVENTS) {
            Example e = sea.next();
            labels.add(e.label());
            events.sendAsync(("{\"id\":\"e" + i + "\",\"x1\":" + e.x()[0] + ",\"x2\":" + e.x()[1] + ",\"x3\":"
                + e.x()[2] + "}").getBytes());
          }
          if (i >= DELAY) {
            int j = i - DELAY;
            outcomes.sendAsync(("{\"id\":\"e" + j + "\",\"label\":\"" + labels.get(j) + "\"}").getBytes());
          }
          if (i % 100 == 99) {
            Thread.sleep(40); // about 2,500 events a second
          }
        }
        events.flush();
        outcomes.flush();
        List<JsonNode> published = new ArrayList<>();
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline && lastLabels(published) < EVENTS - 1000) {
          Message<byte[]> m = evaluations.receive(1, TimeUnit.SECONDS);
          if (m != null) {
            published.add(MAPPER.readTree(m.getValue()));
          }
        }
        List<JsonNode> fired = new ArrayList<>();
        for (Message<byte[]> m; (m = alerts.receive(1, TimeUnit.SECONDS)) != null; ) {
          fired.add(MAPPER.readTree(m.getValue()));
        }
        System.out.printf("loop IT: %d evaluation events, %d alerts in %d ms%n", published.size(), fired.size(),
            TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        published.stream().filter(n -> !n.get("type").asText().equals("join")).forEach(n -> System.out.println(
            n.get("type").asText() + " " + n.get("version").asText() + " at " + n.get("labelsSeen").asLong() + ": "
                + (n.has("accuracy") ? n.get("accuracy").asDouble() : "")));
        fired.forEach(a -> System.out.println("alert at " + a.get("labelsSeen")));
        runner.stop(Duration.ofSeconds(30));

        // measured on this 2-core machine: about 0.78 served before the drift, 0.59 to 0.67 after it, the first
        // alert 731 labels after it, a version learned after the drift promoted at 5,000 labels serving 0.80
        double beforeDrift = served(published, 1000, DRIFT);
        // the lowest evaluation after the drift: how soon a learned version takes over varies with the broker's
        // timing, so the mean over a fixed window may already include the recovery
        double afterDrift = lowest(published, DRIFT + 250, DRIFT + 1500);
        assertThat(beforeDrift).as("the served accuracy before the drift").isGreaterThan(0.72);
        assertThat(afterDrift).as("the served accuracy after the drift").isLessThan(beforeDrift - 0.08);
        assertThat(fired).as("no alert before the drift")
            .allSatisfy(a -> assertThat(a.get("labelsSeen").asLong()).isGreaterThan(DRIFT));
        assertThat(fired).as("an alert within 1,000 labels of the drift")
            .anySatisfy(a -> assertThat(a.get("labelsSeen").asLong()).isBetween((long) DRIFT, DRIFT + 1000L));
        List<JsonNode> promotions = published.stream().filter(n -> n.get("type").asText().equals("promotion")
            && n.get("labelsSeen").asLong() > DRIFT).toList();
        assertThat(promotions).as("an online version promoted after the drift").isNotEmpty();
        assertThat(published).as("a promoted version within 4 points of the pre-drift accuracy within 3,000 labels")
            .anySatisfy(n -> {
              assertThat(n.get("type").asText()).isEqualTo("evaluation");
              assertThat(n.get("version").asText()).startsWith("online-");
              assertThat(n.get("labelsSeen").asLong()).isBetween(DRIFT + 500L, DRIFT + 3000L);
              assertThat(n.get("accuracy").asDouble()).isGreaterThan(beforeDrift - 0.04);
            });
        double joined = outcomes(meters, "joined");
        double unmatched = outcomes(meters, "unmatched");
        // An outcome that overtakes its prediction (sent 200 events later, but the score stage and the loop's
        // prediction consumer lag under load) is unmatched, a documented limit of the join: measured 400 alone,
        // 1,093 in a full suite run. The bound only says most labels are joined; the accuracy checks above need them.
        assertThat(joined).as("outcomes joined to their prediction").isGreaterThan(EVENTS * 0.5);
        assertThat(unmatched).as("outcomes that found no prediction").isLessThan(EVENTS * 0.25);
      }
    }
  }

  private static double outcomes(SimpleMeterRegistry meters, String result) {
    var counter = meters.find(LoopMetrics.OUTCOMES).tag("result", result).counter();
    return counter == null ? 0 : counter.count();
  }

  private static Consumer<byte[]> listen(String topic) throws Exception {
    return TestPulsar.client().newConsumer(Schema.BYTES).topic(topic).subscriptionName("it")
        .subscriptionInitialPosition(SubscriptionInitialPosition.Earliest).subscribe();
  }

  private static long lastLabels(List<JsonNode> published) {
    return published.isEmpty() ? 0 : published.get(published.size() - 1).get("labelsSeen").asLong();
  }

  /** The lowest accuracy among the evaluations published between the label counts. */
  private static double lowest(List<JsonNode> published, long from, long to) {
    return published.stream().filter(n -> n.get("type").asText().equals("evaluation")
            && n.get("labelsSeen").asLong() > from && n.get("labelsSeen").asLong() <= to)
        .mapToDouble(n -> n.get("accuracy").asDouble()).min().orElse(Double.NaN);
  }

  /** The mean accuracy of the evaluations (of whichever versions served) published between the label counts. */
  private static double served(List<JsonNode> published, long from, long to) {
    return published.stream().filter(n -> n.get("type").asText().equals("evaluation")
            && n.get("labelsSeen").asLong() > from && n.get("labelsSeen").asLong() <= to)
        .mapToDouble(n -> n.get("accuracy").asDouble()).average().orElse(Double.NaN);
  }
}
