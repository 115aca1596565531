package dev.gyre.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.HdrHistogram.Histogram;

/**
 * Writes a run's results into a directory: {@code results.json} (everything), {@code steps.csv} (one
 * row per step), {@code summary.md} (the table and the targets), and per scenario
 * {@code latency-<scenario>.hgrm}, the HdrHistogram percentile distribution of its latency step.
 */
public final class Results {
  private final Path dir;

  public Results(Path dir) {
    this.dir = dir;
  }

  public Path dir() {
    return dir;
  }

  public void write(Report report) {
    try {
      Files.createDirectories(dir);
      ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
          .registerModule(new SimpleModule().addSerializer(java.time.Duration.class, ToStringSerializer.instance));
      json.writeValue(dir.resolve("results.json").toFile(), report);
      Files.write(dir.resolve("steps.csv"), csv(report));
      Files.writeString(dir.resolve("summary.md"), markdown(report));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the results to " + dir, e);
    }
  }

  /** Writes a latency histogram (microseconds) as a percentile distribution in milliseconds. */
  public void writeHistogram(String scenario, Histogram micros) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + dir, e);
    }
    try (PrintStream out = new PrintStream(Files.newOutputStream(dir.resolve("latency-" + scenario + ".hgrm")))) {
      micros.outputPercentileDistribution(out, 1000.0);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the latency histogram of " + scenario, e);
    }
  }

  static List<String> csv(Report report) {
    List<String> rows = new ArrayList<>();
    rows.add("scenario,phase,rate,seconds,sent,sent_rate,delivered_rate,p50_ms,p90_ms,p99_ms,p999_ms,max_ms,"
        + "max_lag_ms,aborted,drained,sustained,reasons,cpu_us_per_event");
    for (ScenarioResult s : report.scenarios()) {
      if (s.warmUp() != null) {
        rows.add(row(s.name(), s.warmUp(), "", ""));
      }
      if (s.latency() != null) {
        rows.add(row(s.name(), s.latency(), "", ""));
      }
      for (ScenarioResult.Verdict v : s.search()) {
        rows.add(row(s.name(), v.step(), Boolean.toString(v.sustained()), String.join("; ", v.reasons())));
      }
    }
    return rows;
  }

  private static String row(String scenario, Step st, String sustained, String reasons) {
    Latency l = st.latency();
    return String.format(Locale.ROOT, "%s,%s,%d,%.1f,%d,%.0f,%.0f,%.2f,%.2f,%.2f,%.2f,%.2f,%.1f,%b,%b,%s,\"%s\",\"%s\"",
        scenario, st.phase(), st.rate(), st.seconds(), st.sent(), st.sentRate(), st.deliveredRate(), l.p50(), l.p90(),
        l.p99(), l.p999(), l.max(), st.maxLagMillis(), st.aborted(), st.drained(), sustained, reasons, cpu(st));
  }

  /** CPU microseconds per event as {@code name value} pairs, processes first. */
  static String cpu(Step step) {
    StringBuilder text = new StringBuilder();
    step.cpuMicrosPerEvent().forEach((k, v) -> text.append(text.length() == 0 ? "" : ", ")
        .append(k.substring(k.indexOf(':') + 1)).append(' ').append(String.format(Locale.ROOT, "%.1f", v)));
    return text.toString();
  }

  static String markdown(Report report) {
    StringBuilder md = new StringBuilder();
    md.append("| scenario | max sustained events/s | p50 / p99 / p99.9 / max at ")
        .append(String.format(Locale.ROOT, "%,d", report.settings().latencyRate())).append(" events/s (ms) |\n")
        .append("| --- | ---: | ---: |\n");
    for (ScenarioResult s : report.scenarios()) {
      Latency l = s.latency() == null ? null : s.latency().latency();
      md.append(String.format(Locale.ROOT, "| %s | %s%,d | %s |%n", s.name(), s.reachedMaxRate() ? ">= " : "",
          s.maxSustained(), l == null ? "n/a" : String.format(Locale.ROOT, "%.1f / %.1f / %.1f / %.1f",
              l.p50(), l.p99(), l.p999(), l.max())));
    }
    md.append('\n');
    for (String name : List.of("gyre", "functions")) {
      report.throughputRatio(name).ifPresent(r -> md.append(String.format(Locale.ROOT,
          "- %s throughput / raw: %.0f%% (target >= %.0f%%): %s%n", name, 100 * r, 100 * Report.MIN_THROUGHPUT_RATIO,
          r >= Report.MIN_THROUGHPUT_RATIO ? "met" : "not met")));
      report.p99Ratio(name).ifPresent(r -> md.append(String.format(Locale.ROOT,
          "- %s p99 / raw p99 at %,d events/s: %.2fx (target <= %.1fx): %s%n", name, report.settings().latencyRate(),
          r, Report.MAX_P99_RATIO, r <= Report.MAX_P99_RATIO ? "met" : "not met")));
    }
    for (ScenarioResult s : report.scenarios()) {
      if (s.failure() != null) {
        md.append("- ").append(s.name()).append(" stopped early: ").append(s.failure().lines().findFirst().orElse(""))
            .append('\n');
      }
    }
    md.append("\nCPU microseconds per event at the highest sustained rate (processes, then this JVM's threads):\n\n");
    for (ScenarioResult s : report.scenarios()) {
      s.search().stream().filter(ScenarioResult.Verdict::sustained).map(ScenarioResult.Verdict::step)
          .max(java.util.Comparator.comparingLong(Step::rate))
          .ifPresent(st -> md.append(String.format(Locale.ROOT, "- %s at %,d/s: %s%n", s.name(), st.rate(), cpu(st))));
    }
    Machine m = report.machine();
    md.append(String.format(Locale.ROOT, "%nMachine: %d cores, %s, %s; %s; %s; Pulsar %s. Load average %s at the"
        + " start, %s at the end.%n", m.cores(), m.memory(), m.cpu(), m.os(), m.java(), m.pulsar(), report.loadStart(),
        report.loadEnd()));
    md.append("Command: `").append(report.command()).append("`\n");
    return md.toString();
  }
}
