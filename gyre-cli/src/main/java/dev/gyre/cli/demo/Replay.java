package dev.gyre.cli.demo;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The demo's event stream: every reading of {@link SensorData} once per device, with a device
 * offset and seeded noise, interleaved by time, and one malformed event of a rotating kind every
 * {@code badEvery} events. Deterministic for a given seed.
 */
public final class Replay {
  /** One event to send: its key, its payload, and whether the pipeline should accept it. */
  public record Event(String key, byte[] payload, boolean valid) {}

  static final String[] DEVICES = {"sensor-01", "sensor-02", "sensor-03", "sensor-04"};
  private static final double[] OFFSETS = {-1.5, 0.0, 1.0, 2.5};

  private Replay() {}

  public static List<Event> events(SensorData data, int limit, int badEvery, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<Event> events = new ArrayList<>();
    int bad = 0;
    outer:
    for (SensorData.Reading reading : data.readings()) {
      for (int d = 0; d < DEVICES.length; d++) {
        if (events.size() >= limit) {
          break outer;
        }
        if (badEvery > 0 && events.size() % badEvery == badEvery - 1) {
          events.add(malformed(bad++, DEVICES[d], reading.ts()));
          continue;
        }
        double temp = Math.round((reading.temp() + OFFSETS[d] + random.nextGaussian() * 0.3) * 10) / 10.0;
        String json = String.format(Locale.ROOT, "{\"deviceId\": \"%s\", \"temp\": %s, \"ts\": %d}", DEVICES[d],
            temp, reading.ts());
        events.add(new Event(DEVICES[d], json.getBytes(StandardCharsets.UTF_8), true));
      }
    }
    return events;
  }

  /** A malformed event of kind {@code n % 8}: each breaks a different rule. */
  static Event malformed(int n, String device, long ts) {
    String json = switch (n % 8) {
      case 0 -> "{\"deviceId\": \"" + device + "\", \"temp\": 4";                      // truncated JSON
      case 1 -> "{\"deviceId\": \"" + device + "\", \"ts\": " + ts + "}";               // temp missing
      case 2 -> "{\"deviceId\": \"" + device + "\", \"temp\": \"hot\", \"ts\": " + ts + "}";  // wrong type
      case 3 -> "{\"deviceId\": \"" + device + "\", \"temp\": NaN, \"ts\": " + ts + "}";      // not finite
      case 4 -> "{\"deviceId\": \"" + device + "\", \"temp\": 1e999, \"ts\": " + ts + "}";    // overflows
      case 5 -> "[\"" + device + "\", 41.2, " + ts + "]";                                  // not an object
      case 6 -> "{\"deviceId\": \"" + device + "\", \"temp\": 40.1, \"ts\": " + ts + ", \"pad\": \""
          + "x".repeat(70_000) + "\"}";                                                     // oversized
      default -> "{\"deviceId\": 1234, \"temp\": 40.1, \"ts\": " + ts + "}";               // id not a string
    };
    return new Event(device, json.getBytes(StandardCharsets.UTF_8), false);
  }
}
