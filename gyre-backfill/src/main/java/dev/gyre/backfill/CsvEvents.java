package dev.gyre.backfill;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gyre.core.event.EventCodec;
import dev.gyre.spec.FieldSpec;
import java.util.List;
import org.apache.commons.csv.CSVRecord;

/**
 * Turns a CSV row into a JSON event, as {@code gyre train} does: each declared field is read from
 * the column of the same name and typed by the schema; an empty or absent column leaves the field
 * out, so the stage's own checks decide what a missing value means; text that does not parse as
 * the field's type stays a string, which the stage rejects as {@code wrong-type}.
 */
public final class CsvEvents {
  private CsvEvents() {}

  /** The event for {@code row}, with the fields of {@code fields} only. */
  public static ObjectNode toEvent(CSVRecord row, List<FieldSpec> fields) {
    ObjectNode event = EventCodec.mapper().createObjectNode();
    for (FieldSpec field : fields) {
      if (!row.isMapped(field.name()) || !row.isSet(field.name())) {
        continue;
      }
      String text = row.get(field.name()).trim();
      if (text.isEmpty()) {
        continue;
      }
      try {
        switch (field.type()) {
          case STRING -> event.put(field.name(), text);
          case BOOLEAN -> event.put(field.name(), Boolean.parseBoolean(text));
          case INT, LONG -> event.put(field.name(), Long.parseLong(text));
          case FLOAT, DOUBLE -> event.put(field.name(), Double.parseDouble(text));
          default -> event.put(field.name(), text);
        }
      } catch (NumberFormatException e) {
        event.put(field.name(), text);
      }
    }
    return event;
  }
}
