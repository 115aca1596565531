package dev.gyre.sinks.internal;

import dev.gyre.api.StageException;
import dev.gyre.core.event.Rejection;
import dev.gyre.spec.PostgresSinkSpec;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;

/**
 * Upserts batches into PostgreSQL, one JDBC batch in one transaction per call. A connection or
 * server error rolls back and asks for the batch again ({@link RetryLater}); a row the server refuses
 * as data (SQLSTATE class 22 or 23) is found by writing the batch row by row and is rejected with
 * {@code rejected-by-database}, so one bad row never blocks the rest.
 */
public final class PostgresWriter implements SinkWriter {
  static final String REJECTED_BY_DATABASE = "rejected-by-database";

  private final PostgresSinkSpec spec;
  private final PostgresTable table;
  private final String url;
  private final Properties login = new Properties();
  private final String upsert;
  private Connection connection;

  /** @param env resolves {@code ${NAME}} references in url, user and password */
  public PostgresWriter(PostgresSinkSpec spec, PostgresTable table, Function<String, String> env) {
    this.spec = spec;
    this.table = table;
    String where = "sink '" + spec.name() + "' ";
    this.url = EnvReferences.resolve(spec.url(), env, where + "url");
    String user = EnvReferences.resolve(spec.user(), env, where + "user");
    String password = EnvReferences.resolve(spec.password(), env, where + "password");
    if (user != null) {
      login.setProperty("user", user);
    }
    if (password != null) {
      login.setProperty("password", password);
    }
    login.setProperty("ApplicationName", "gyre-sink-" + spec.name());
    this.upsert = table.upsertSql();
  }

  @Override
  public void open() {
    try {
      connection();
      new TableCheck(connection, table).ensure(spec.createTable());
      connection.commit();
    } catch (SQLException e) {
      close();
      throw new StageException("sink '" + spec.name() + "' cannot use table " + table.qualifiedName() + " at "
          + url + ": " + e.getMessage(), true, e);
    } catch (StageException e) {
      close();
      throw new StageException("sink '" + spec.name() + "': " + e.getMessage(), false, e);
    }
  }

  @Override
  public Result write(List<SinkEvent> events) {
    List<Rejected> rejected = new ArrayList<>();
    Map<String, Object[]> rows = new LinkedHashMap<>();
    Map<String, SinkEvent> byId = new LinkedHashMap<>();
    for (SinkEvent event : events) {
      try {
        rows.put(event.eventId(), table.values(event.event())); // a redelivery in the same batch: last wins
        byId.put(event.eventId(), event);
      } catch (Rejection r) {
        rejected.add(new Rejected(event, r.reason(), r.getMessage()));
      }
    }
    if (rows.isEmpty()) {
      return new Result(rejected, 0);
    }
    try {
      upsert(rows);
    } catch (SQLException e) {
      rollbackQuietly();
      if (!isDataError(e)) {
        close();
        throw new RetryLater("sink '" + spec.name() + "' could not write to " + table.qualifiedName() + ": "
            + e.getMessage(), e);
      }
      rowByRow(rows, byId, rejected);
    }
    return new Result(rejected, 0);
  }

  private void rowByRow(Map<String, Object[]> rows, Map<String, SinkEvent> byId, List<Rejected> rejected) {
    for (Map.Entry<String, Object[]> row : rows.entrySet()) {
      try {
        upsert(Map.of(row.getKey(), row.getValue()));
      } catch (SQLException e) {
        rollbackQuietly();
        if (!isDataError(e)) {
          close();
          throw new RetryLater("sink '" + spec.name() + "' could not write to " + table.qualifiedName() + ": "
              + e.getMessage(), e);
        }
        rejected.add(new Rejected(byId.get(row.getKey()), REJECTED_BY_DATABASE, e.getMessage()));
      }
    }
  }

  private void upsert(Map<String, Object[]> rows) throws SQLException {
    try (PreparedStatement statement = connection().prepareStatement(upsert)) {
      List<ColumnType> types = table.fields().stream().map(f -> ColumnType.of(f.type())).toList();
      for (Map.Entry<String, Object[]> row : rows.entrySet()) {
        statement.setString(1, row.getKey());
        Object[] values = row.getValue();
        for (int i = 0; i < values.length; i++) {
          if (values[i] == null) {
            statement.setNull(i + 2, types.get(i).jdbcType);
          } else {
            statement.setObject(i + 2, values[i], types.get(i).jdbcType);
          }
        }
        statement.addBatch();
      }
      statement.executeBatch();
    }
    connection.commit();
  }

  /** SQLSTATE class 22 (data exception) or 23 (integrity constraint violation): the row, not the server. */
  static boolean isDataError(SQLException e) {
    SQLException cause = e instanceof BatchUpdateException && e.getNextException() != null ? e.getNextException() : e;
    String state = cause.getSQLState();
    return state != null && (state.startsWith("22") || state.startsWith("23"));
  }

  private Connection connection() throws SQLException {
    if (connection == null || connection.isClosed()) {
      connection = DriverManager.getConnection(url, login);
      connection.setAutoCommit(false);
    }
    return connection;
  }

  private void rollbackQuietly() {
    try {
      if (connection != null && !connection.isClosed()) {
        connection.rollback();
      }
    } catch (SQLException ignored) {
      // the connection is dropped on the next non-data error
    }
  }

  @Override
  public void close() {
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException ignored) {
        // closing is best effort
      }
      connection = null;
    }
  }
}
