package dev.gyre.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gyre.cli.demo.Replay;
import dev.gyre.cli.demo.SensorData;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The path a newcomer takes: {@code gyre demo} on a fresh machine trains the model, starts the
 * embedded Pulsar, runs the sensor pipeline and accounts for every event.
 */
class DemoIT {

  @Test
  void shouldRunTheSensorDemoEndToEndAndAccountForEveryEvent(@TempDir Path dir) throws Exception {
    Path spec = CliRun.sensorExample(dir.resolve("sensor"));

    CliRun run = CliRun.of("demo", "--spec", spec.toString(), "--events", "6000", "--rate", "3000",
        "--data-dir", dir.resolve("pulsar").toString(), "--broker-port", "0", "--web-port", "0",
        "--metrics-port", "-1");

    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    long malformed = Replay.events(SensorData.read(dir.resolve("sensor/data/seattle-temps.csv")), 6000, 97, 42)
        .stream().filter(e -> !e.valid()).count();
    assertThat(run.out())
        .contains("Trained on")
        .contains("events sent                 6,000 (" + malformed + " malformed on purpose)")
        .contains("predictions out             " + String.format("%,d", 6000 - malformed))
        .contains("OK: every event is accounted for");
  }
}
