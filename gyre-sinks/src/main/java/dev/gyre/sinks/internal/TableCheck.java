package dev.gyre.sinks.internal;

import dev.gyre.api.StageException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Makes sure a sink's table exists and has what the sink writes, before the first event. */
final class TableCheck {
  private static final String COLUMNS = "SELECT column_name, data_type, is_nullable, column_default "
      + "FROM information_schema.columns WHERE table_schema = COALESCE(?, current_schema()) AND table_name = ?";
  private static final String EVENT_ID_UNIQUE = "SELECT count(*) FROM pg_index i JOIN pg_attribute a "
      + "ON a.attrelid = i.indrelid AND a.attnum = i.indkey[0] "
      + "WHERE i.indrelid = to_regclass(?) AND i.indisunique AND i.indnatts = 1 AND a.attname = 'event_id'";

  private final Connection connection;
  private final PostgresTable table;

  TableCheck(Connection connection, PostgresTable table) {
    this.connection = connection;
    this.table = table;
  }

  /**
   * Creates the table when it is missing and {@code create} is set, then checks it.
   *
   * @throws StageException naming the table and every column that is wrong
   */
  void ensure(boolean create) throws SQLException {
    Map<String, PostgresTable.ExistingColumn> columns = columns();
    if (columns.isEmpty() && create) {
      try (Statement statement = connection.createStatement()) {
        statement.execute(table.createSql());
      }
      columns = columns();
    }
    if (columns.isEmpty()) {
      throw new StageException("table " + table.qualifiedName() + " does not exist (or this user cannot see it);"
          + " create it, or set createTable: true", false);
    }
    List<String> problems = table.problems(columns, eventIdUnique());
    if (!problems.isEmpty()) {
      throw new StageException("table " + table.qualifiedName() + " does not fit the sink: "
          + String.join("; ", problems), false);
    }
  }

  private Map<String, PostgresTable.ExistingColumn> columns() throws SQLException {
    Map<String, PostgresTable.ExistingColumn> columns = new LinkedHashMap<>();
    try (PreparedStatement query = connection.prepareStatement(COLUMNS)) {
      query.setString(1, table.schema());
      query.setString(2, table.name());
      try (ResultSet rs = query.executeQuery()) {
        while (rs.next()) {
          columns.put(rs.getString(1), new PostgresTable.ExistingColumn(rs.getString(2),
              "NO".equals(rs.getString(3)), rs.getString(4) != null));
        }
      }
    }
    return columns;
  }

  private boolean eventIdUnique() throws SQLException {
    try (PreparedStatement query = connection.prepareStatement(EVENT_ID_UNIQUE)) {
      query.setString(1, table.qualifiedName());
      try (ResultSet rs = query.executeQuery()) {
        return rs.next() && rs.getLong(1) > 0;
      }
    }
  }
}
