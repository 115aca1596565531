package dev.gyre.backfill;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gyre.core.event.EventCodec;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Labels by event id, read before the events: a label applies to the event its id names, never to
 * another, so joining is exact whatever the order labels arrived in. The first label of an id wins
 * (the learning loop applies a repeated outcome once, too); later ones are counted as duplicates.
 * Records without the id or the label are counted as invalid. Labels are text; a whole JSON number
 * reads as an integer ({@code 1.0} and {@code 1} are both {@code 1}).
 */
public final class Labels {
  private final Map<String, String> byId = new HashMap<>();
  private long duplicates;
  private long invalid;

  /** No labels: rows get an empty label column. */
  public static Labels none() {
    return new Labels();
  }

  /** Labels from a CSV file with a header, or JSON Lines (any other extension). */
  public static Labels fromFile(Path file, String idField, String labelField) {
    Labels labels = new Labels();
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      if (FileSource.isCsv(file)) {
        for (CSVRecord row : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
          boolean usable = row.isMapped(idField) && row.isMapped(labelField) && row.isSet(idField)
              && row.isSet(labelField) && !row.get(labelField).isBlank();
          labels.add(usable ? row.get(idField).trim() : null, usable ? row.get(labelField).trim() : null);
        }
      } else {
        String line;
        while ((line = in.readLine()) != null) {
          if (!line.isBlank()) {
            labels.addJson(line.getBytes(StandardCharsets.UTF_8), idField, labelField);
          }
        }
      }
    } catch (IOException | IllegalStateException e) {
      throw new UncheckedIOException("cannot read the labels in " + file + ": " + e.getMessage(),
          e instanceof IOException io ? io : new IOException(e));
    }
    return labels;
  }

  /** Adds one outcome given as JSON, such as a message of the feedback topic. */
  void addJson(byte[] json, String idField, String labelField) {
    try {
      JsonNode node = EventCodec.mapper().readTree(json);
      JsonNode id = node == null ? null : node.get(idField);
      JsonNode label = node == null ? null : node.get(labelField);
      add(text(id), text(label));
    } catch (IOException e) {
      invalid++;
    }
  }

  /** Adds one label; a null id or label counts as invalid. */
  void add(String id, String label) {
    if (id == null || label == null) {
      invalid++;
    } else if (byId.putIfAbsent(id, label) != null) {
      duplicates++;
    }
  }

  private static String text(JsonNode v) {
    if (v == null || v.isNull() || v.isContainerNode()) {
      return null;
    }
    if (v.isNumber() && v.doubleValue() == Math.rint(v.doubleValue()) && Math.abs(v.doubleValue()) < 1e15) {
      return Long.toString((long) v.doubleValue());
    }
    return v.asText();
  }

  /** The label of event {@code id}, or null. */
  public String of(String id) {
    return byId.get(id);
  }

  public int size() {
    return byId.size();
  }

  public long duplicates() {
    return duplicates;
  }

  public long invalid() {
    return invalid;
  }
}
