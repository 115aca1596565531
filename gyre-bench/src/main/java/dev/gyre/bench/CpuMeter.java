package dev.gyre.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Where the CPU time of a step went: CPU time used by each process involved (the broker, this JVM,
 * function JVMs) read from {@code /proc/<pid>/stat}, and by this JVM's threads grouped by name
 * ({@code gyre-score}, {@code pulsar-client-io}, ...). CPU time, unlike wall time, is hardly changed
 * by other load on the machine, so "CPU microseconds per event" compares scenarios even on a busy
 * machine. Linux only; elsewhere the process figures are missing.
 */
public final class CpuMeter {
  private static final double NANOS_PER_TICK = 1e9 / 100;  // USER_HZ is 100 on Linux

  private final Supplier<Map<String, Long>> processes;
  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

  /** @param processes the processes to measure besides this JVM, by label, read at each snapshot */
  public CpuMeter(Supplier<Map<String, Long>> processes) {
    this.processes = processes;
  }

  /** CPU nanoseconds used so far, by label: {@code process:<name>} and {@code thread:<group>}. */
  public Map<String, Long> snapshot() {
    Map<String, Long> now = new LinkedHashMap<>();
    Map<String, Long> procs = new LinkedHashMap<>(processes.get());
    procs.put("bench-jvm", ProcessHandle.current().pid());
    procs.forEach((name, pid) -> {
      long nanos = processNanos(pid);
      if (nanos >= 0) {
        now.put("process:" + name, nanos);
      }
    });
    Map<String, Long> groups = new TreeMap<>();
    for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
      if (info != null) {
        long nanos = threads.getThreadCpuTime(info.getThreadId());
        if (nanos > 0) {
          groups.merge("thread:" + group(info.getThreadName()), nanos, Long::sum);
        }
      }
    }
    now.putAll(groups);
    return now;
  }

  /** Microseconds of CPU per event between two snapshots, largest first; threads under 1% left out. */
  public static Map<String, Double> perEvent(Map<String, Long> before, Map<String, Long> after, long events) {
    Map<String, Double> result = new LinkedHashMap<>();
    if (events <= 0) {
      return result;
    }
    after.entrySet().stream()
        .map(e -> Map.entry(e.getKey(), (e.getValue() - before.getOrDefault(e.getKey(), 0L)) / 1e3 / events))
        .filter(e -> e.getKey().startsWith("process:") || e.getValue() >= 0.01 * totalOf(after, before, events))
        .sorted((x, y) -> {
          int kind = Boolean.compare(y.getKey().startsWith("process:"), x.getKey().startsWith("process:"));
          return kind != 0 ? kind : Double.compare(y.getValue(), x.getValue());
        })
        .forEach(e -> result.put(e.getKey(), Math.round(e.getValue() * 100) / 100.0));
    return result;
  }

  private static double totalOf(Map<String, Long> after, Map<String, Long> before, long events) {
    long bench = after.getOrDefault("process:bench-jvm", 0L) - before.getOrDefault("process:bench-jvm", 0L);
    return bench / 1e3 / events;
  }

  /** A thread's group: its name without trailing numbers, e.g. {@code pulsar-client-io-3-1} -> {@code pulsar-client-io}. */
  static String group(String name) {
    return name.replaceAll("([-_ ]?\\d+)+$", "").replaceAll("\\$\\$.*", "");
  }

  private static long processNanos(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      // After the command: state is field 3 of stat, so utime (14) and stime (15) are at 11 and 12 here.
      return (long) ((Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * NANOS_PER_TICK);
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }
}
