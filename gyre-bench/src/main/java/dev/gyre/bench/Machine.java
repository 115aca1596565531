package dev.gyre.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The machine a run measured: what the report states next to the figures.
 *
 * @param cores   processors available to the JVM
 * @param memory  total memory, e.g. {@code 23.4 GiB}
 * @param cpu     the CPU model, if the OS says
 * @param os      name, version and architecture
 * @param java    the JVM that ran the bench
 * @param pulsar  the Pulsar version of the broker Gyre embeds
 */
public record Machine(int cores, String memory, String cpu, String os, String java, String pulsar) {

  public static Machine describe(String pulsarVersion) {
    return new Machine(Runtime.getRuntime().availableProcessors(), totalMemory(), cpuModel(),
        System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
        System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"), pulsarVersion);
  }

  /** The 1, 5 and 15-minute load averages, or "unknown". */
  public static String loadAverage() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return parts[0] + " " + parts[1] + " " + parts[2];
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }

  private static String totalMemory() {
    for (String line : lines("/proc/meminfo")) {
      if (line.startsWith("MemTotal:")) {
        long kib = Long.parseLong(line.replaceAll("[^0-9]", ""));
        return String.format(Locale.ROOT, "%.1f GiB", kib / 1024.0 / 1024.0);
      }
    }
    return "unknown";
  }

  private static String cpuModel() {
    for (String line : lines("/proc/cpuinfo")) {
      if (line.startsWith("model name")) {
        return line.substring(line.indexOf(':') + 1).trim();
      }
    }
    return "unknown";
  }

  private static List<String> lines(String file) {
    try {
      return Files.readAllLines(Path.of(file));
    } catch (IOException | RuntimeException e) {
      return List.of();
    }
  }
}
