package dev.gyre.cli.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gyre.core.event.EventCodec;
import dev.gyre.spec.FieldSpec;
import java.util.List;
import org.apache.commons.csv.CSVRecord;

/**
 * Turns a CSV row into a JSON event: each declared field is read from the column of the same
 * name and typed by the schema; an empty or absent column leaves the field out, so the stage's own
 * checks decide what a missing value means. Text that does not parse as the field's type is kept
 * as a string, and the stage rejects it like any other wrong type.
 */
final class CsvEvents {
  private CsvEvents() {}

  static ObjectNode toEvent(CSVRecord row, List<FieldSpec> fields) {
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
