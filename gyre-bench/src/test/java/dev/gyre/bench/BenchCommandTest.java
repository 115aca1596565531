package dev.gyre.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Options and payloads, without a broker. */
class BenchCommandTest {

  @Test
  void shouldTakeQuickSettingsAndLetOptionsOverrideThem() {
    BenchCommand bench = new BenchCommand();
    new CommandLine(bench).parseArgs("--quick", "--step", "2s", "--max-p99", "250ms", "--scenarios", "raw,gyre");

    Settings settings = bench.settings();

    assertThat(settings.warmUp()).isEqualTo(Settings.quick().warmUp());
    assertThat(settings.stepDuration()).isEqualTo(Duration.ofSeconds(2));
    assertThat(settings.criterion().maxP99()).isEqualTo(Duration.ofMillis(250));
    assertThat(bench.scenarios).containsExactly("raw", "gyre");
  }

  @Test
  void shouldRunAllScenariosWithTheFullSettingsByDefault() {
    BenchCommand bench = new BenchCommand();
    new CommandLine(bench).parseArgs();

    assertThat(bench.settings()).isEqualTo(Settings.full());
    assertThat(bench.scenarios).containsExactly("raw", "gyre", "functions");
  }

  @Test
  void shouldSendTheDemosSensorEventsFourDevicesPerHour() {
    List<SensorEvents.Event> events = SensorEvents.read(Path.of("../examples/sensor/data/seattle-temps.csv"), 42);

    assertThat(events).hasSize(35_036);
    assertThat(events.subList(0, 4)).extracting(SensorEvents.Event::key)
        .containsExactly("sensor-01", "sensor-02", "sensor-03", "sensor-04");
    assertThat(new String(events.get(1).payload(), java.nio.charset.StandardCharsets.UTF_8))
        .matches("\\{\"deviceId\": \"sensor-02\", \"temp\": -?[0-9.]+, \"ts\": 1262304000}");
  }
}
