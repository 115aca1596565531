package dev.gyre.cli.demo;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * The hourly Seattle temperatures of {@code examples/sensor/data/seattle-temps.csv}, and the
 * labelled training set derived from them: an hour is {@code warming} when any of the next
 * {@link #HORIZON_HOURS} hours is at least {@link #RISE_F} °F warmer, else {@code steady}.
 */
public final class SensorData {
  public static final int HORIZON_HOURS = 3;
  public static final double RISE_F = 3.0;
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm");

  /** One hourly reading: epoch seconds (UTC) and degrees F. */
  public record Reading(long ts, double temp) {}

  private final List<Reading> readings;

  private SensorData(List<Reading> readings) {
    this.readings = List.copyOf(readings);
  }

  public static SensorData read(Path csv) {
    List<Reading> readings = new ArrayList<>();
    try (Reader in = Files.newBufferedReader(csv)) {
      for (CSVRecord row : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
        long ts = LocalDateTime.parse(row.get("date"), DATE).toEpochSecond(ZoneOffset.UTC);
        readings.add(new Reading(ts, Double.parseDouble(row.get("temp"))));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + csv, e);
    }
    return new SensorData(readings);
  }

  public List<Reading> readings() {
    return readings;
  }

  /** The label of hour {@code i}, or {@code null} for the last hours, whose future is unknown. */
  public String label(int i) {
    if (i + HORIZON_HOURS >= readings.size()) {
      return null;
    }
    double now = readings.get(i).temp();
    for (int h = 1; h <= HORIZON_HOURS; h++) {
      if (readings.get(i + h).temp() >= now + RISE_F) {
        return "warming";
      }
    }
    return "steady";
  }

  /** Writes the labelled training set as CSV with columns deviceId, temp, ts, warming. */
  public void writeTrainingSet(Path out) {
    try (Writer writer = Files.newBufferedWriter(out);
         CSVPrinter csv = new CSVPrinter(writer, CSVFormat.DEFAULT.builder()
             .setHeader("deviceId", "temp", "ts", "warming").get())) {
      for (int i = 0; i < readings.size(); i++) {
        String label = label(i);
        if (label != null) {
          csv.printRecord("seattle", readings.get(i).temp(), readings.get(i).ts(), label);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + out, e);
    }
  }
}
