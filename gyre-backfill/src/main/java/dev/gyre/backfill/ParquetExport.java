package dev.gyre.backfill;

import dev.gyre.api.StageException;
import dev.gyre.spec.FieldSpec;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.StringJoiner;

/**
 * Converts a training set written by {@link TrainingSetCsv} to Parquet with DuckDB (in process, no
 * server), typed by the spec: {@code string} as VARCHAR, {@code int}/{@code long} as BIGINT,
 * {@code float}/{@code double} as DOUBLE, {@code boolean} as BOOLEAN; {@code event_time} BIGINT;
 * ids, keys and labels VARCHAR. Empty cells become nulls. DuckDB parses the CSV's shortest-text
 * doubles back to the same bits, so the Parquet file holds the same values as the CSV.
 */
public final class ParquetExport {
  private ParquetExport() {}

  public static void convert(Path csv, Path parquet, List<FieldSpec> fields, String labelColumn) {
    StringJoiner columns = new StringJoiner(", ", "{", "}");
    columns.add("'event_id': 'VARCHAR'").add("'event_key': 'VARCHAR'").add("'event_time': 'BIGINT'");
    for (FieldSpec f : fields) {
      columns.add("'" + f.name() + "': '" + sqlType(f) + "'");
    }
    if (labelColumn != null) {
      columns.add("'" + labelColumn.replace("'", "''") + "': 'VARCHAR'");
    }
    String sql = "COPY (SELECT * FROM read_csv(" + literal(csv) + ", header = true, auto_detect = false, delim = ',',"
        + " quote = '\"', escape = '\"', columns = " + columns + ")) TO " + literal(parquet) + " (FORMAT parquet)";
    try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement st = db.createStatement()) {
      st.execute(sql);
    } catch (SQLException e) {
      throw new StageException("cannot write " + parquet + " from " + csv + ": " + e.getMessage(), false, e);
    }
  }

  private static String sqlType(FieldSpec f) {
    return switch (f.type()) {
      case STRING -> "VARCHAR";
      case INT, LONG -> "BIGINT";
      case FLOAT, DOUBLE -> "DOUBLE";
      case BOOLEAN -> "BOOLEAN";
    };
  }

  private static String literal(Path p) {
    return "'" + p.toAbsolutePath().toString().replace("'", "''") + "'";
  }
}
