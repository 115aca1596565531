package dev.gyre.backfill;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gyre.spec.FieldSpec;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes backfilled rows as CSV: {@code event_id, event_key, event_time} (epoch ms, empty when
 * unknown), one column per field of the stages' output, in schema order, then the label column when
 * labels were given (empty for an event without a label). Numbers are written as Java prints them
 * (the shortest text that reads back to the same double), so the file holds the online values
 * exactly; booleans as {@code true}/{@code false}; a missing or null value as an empty cell.
 */
public final class TrainingSetCsv implements Consumer<Backfill.Row>, AutoCloseable {
  /** The columns every row starts with. */
  public static final List<String> META = List.of("event_id", "event_key", "event_time");

  private final List<FieldSpec> fields;
  private final String labelColumn;
  private final CSVPrinter printer;
  private final List<String> cells = new ArrayList<>();

  /** @param labelColumn the label column's name, or null for none */
  public TrainingSetCsv(Path file, List<FieldSpec> fields, String labelColumn) {
    this.fields = List.copyOf(fields);
    this.labelColumn = labelColumn;
    try {
      BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
      this.printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get());
      printer.printRecord(columns(fields, labelColumn));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  /** The header of a training set with these fields. */
  public static List<String> columns(List<FieldSpec> fields, String labelColumn) {
    List<String> columns = new ArrayList<>(META);
    fields.forEach(f -> columns.add(f.name()));
    if (labelColumn != null) {
      columns.add(labelColumn);
    }
    return columns;
  }

  @Override
  public void accept(Backfill.Row row) {
    cells.clear();
    cells.add(row.eventId());
    cells.add(row.key() == null ? "" : row.key());
    cells.add(row.eventTimeMillis() < 0 ? "" : Long.toString(row.eventTimeMillis()));
    for (FieldSpec field : fields) {
      cells.add(cell(row.event().get(field.name())));
    }
    if (labelColumn != null) {
      cells.add(row.label() == null ? "" : row.label());
    }
    try {
      printer.printRecord(cells);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write a row: " + e.getMessage(), e);
    }
  }

  /** A JSON value as a CSV cell; see the class comment. */
  public static String cell(JsonNode v) {
    if (v == null || v.isNull()) {
      return "";
    }
    return v.isValueNode() ? v.asText() : v.toString();
  }

  @Override
  public void close() {
    try {
      printer.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot finish the training set: " + e.getMessage(), e);
    }
  }
}
