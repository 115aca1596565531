package dev.gyre.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The payloads every scenario sends: the events of {@code gyre demo}'s replay (the year of hourly
 * Seattle temperatures as four devices, with the same device offsets, seeded noise and JSON layout,
 * about 60 bytes each) without the malformed ones, so that every event reaches the final topic.
 *
 * <p>{@code gyre-cli} holds the demo's own {@code Replay}; it depends on this module, so this class
 * regenerates the same events from the same CSV instead of depending back on it.
 */
public final class SensorEvents {
  /** One event: its key and its JSON payload. */
  public record Event(String key, byte[] payload) {}

  private static final String[] DEVICES = {"sensor-01", "sensor-02", "sensor-03", "sensor-04"};
  private static final double[] OFFSETS = {-1.5, 0.0, 1.0, 2.5};
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm");

  private SensorEvents() {}

  /** Reads {@code date,temp} rows and returns one event per row and device, interleaved by time. */
  public static List<Event> read(Path csv, long seed) {
    List<String> lines;
    try {
      lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the sensor data " + csv, e);
    }
    SplittableRandom random = new SplittableRandom(seed);
    List<Event> events = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      if (line.isBlank()) {
        continue;
      }
      String[] cells = line.split(",");
      long ts = LocalDateTime.parse(cells[0].trim(), DATE).toEpochSecond(ZoneOffset.UTC);
      double reading = Double.parseDouble(cells[1].trim());
      for (int d = 0; d < DEVICES.length; d++) {
        double temp = Math.round((reading + OFFSETS[d] + random.nextGaussian() * 0.3) * 10) / 10.0;
        String json = String.format(Locale.ROOT, "{\"deviceId\": \"%s\", \"temp\": %s, \"ts\": %d}", DEVICES[d],
            temp, ts);
        events.add(new Event(DEVICES[d], json.getBytes(StandardCharsets.UTF_8)));
      }
    }
    return List.copyOf(events);
  }

  /** The mean payload size in bytes. */
  public static double meanSize(List<Event> events) {
    return events.stream().mapToInt(e -> e.payload().length).average().orElse(0);
  }
}
