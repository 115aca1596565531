package dev.gyre.pulsar.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the embedded broker's configuration: the distribution's {@code conf/standalone.conf} with
 * Gyre's overrides, so every other default stays Pulsar's own.
 */
public final class StandaloneConfig {
  private StandaloneConfig() {}

  public static Path write(Path distribution, Path dataDir, int brokerPort, int webPort) throws IOException {
    Map<String, String> overrides = new LinkedHashMap<>();
    overrides.put("brokerServicePort", Integer.toString(brokerPort));
    overrides.put("webServicePort", Integer.toString(webPort));
    overrides.put("bindAddress", "127.0.0.1");
    overrides.put("advertisedAddress", "127.0.0.1");
    // Topics declared by a pipeline keep their schema even while nobody is connected.
    overrides.put("brokerDeleteInactiveTopicsEnabled", "false");
    // Dispatch new entries to waiting consumers at once instead of polling every 10 ms.
    overrides.put("managedLedgerNewEntriesCheckDelayInMillis", "0");
    // The functions worker's package store (filesystem in a standalone) defaults to a folder of the
    // shared distribution, where packages would outlive the data directory and clash later.
    overrides.put("STORAGE_PATH", dataDir.resolve("packages-storage").toString());
    List<String> out = new ArrayList<>();
    for (String line : Files.readAllLines(distribution.resolve("conf/standalone.conf"))) {
      int eq = line.indexOf('=');
      String key = eq > 0 && !line.startsWith("#") ? line.substring(0, eq).trim() : null;
      out.add(key != null && overrides.containsKey(key) ? key + "=" + overrides.remove(key) : line);
    }
    overrides.forEach((k, v) -> out.add(k + "=" + v));
    Path conf = dataDir.resolve("standalone.conf");
    Files.write(conf, out);
    return conf;
  }

  /**
   * Writes the functions worker's configuration: the distribution's {@code functions_worker.yml}
   * with its download directory moved into the data directory, so that function packages neither
   * pile up in the shared distribution nor outlive the broker's data.
   */
  public static Path writeFunctionsWorker(Path distribution, Path dataDir) throws IOException {
    List<String> out = new ArrayList<>();
    for (String line : Files.readAllLines(distribution.resolve("conf/functions_worker.yml"))) {
      out.add(line.startsWith("downloadDirectory:")
          ? "downloadDirectory: " + dataDir.resolve("functions/download") : line);
    }
    Path conf = dataDir.resolve("functions_worker.yml");
    Files.write(conf, out);
    return conf;
  }
}
