package dev.gyre.backfill;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gyre.core.event.EventCodec;
import dev.gyre.spec.FieldSpec;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Events from a file, in line order: JSON Lines ({@code .jsonl}, {@code .json}, {@code .ndjson}: one
 * event per non-blank line, sent as written, broken lines included, so the stages dead-letter them
 * as online), or CSV with a header (each row becomes a JSON event typed by the source schema, see
 * {@link CsvEvents}). An event's id is its line number (JSON Lines) or row number (CSV, the header not
 * counted), and so is its position; files have no record keys, so the stages key events by the spec's
 * key field, and no event time.
 */
public final class FileSource implements EventSource {
  private final Path file;
  private final List<FieldSpec> fields;

  /** @param fields the source schema's fields, to type CSV columns */
  public FileSource(Path file, List<FieldSpec> fields) {
    this.file = file;
    this.fields = List.copyOf(fields);
  }

  /** Whether the file is read as CSV (by its extension). */
  public static boolean isCsv(Path file) {
    return file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".csv");
  }

  @Override
  public void forEach(Consumer<SourceEvent> action) {
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      if (isCsv(file)) {
        long row = 0;
        for (CSVRecord record : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
          row++;
          ObjectNode event = CsvEvents.toEvent(record, fields);
          action.accept(new SourceEvent(Long.toString(row), null, EventCodec.mapper().writeValueAsBytes(event), row,
              -1));
        }
        return;
      }
      String line;
      long number = 0;
      while ((line = in.readLine()) != null) {
        number++;
        if (!line.isBlank()) {
          action.accept(new SourceEvent(Long.toString(number), null, line.getBytes(StandardCharsets.UTF_8), number,
              -1));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  @Override
  public String describe() {
    return file.toString();
  }
}
