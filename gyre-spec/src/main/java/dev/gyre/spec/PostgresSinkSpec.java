package dev.gyre.spec;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A sink that upserts each event as one row of a PostgreSQL table, keyed by the event's id, so a
 * redelivered event never writes a second row.
 *
 * @param name        the sink's name
 * @param input       the topic read
 * @param url         the JDBC URL, {@code jdbc:postgresql://...}; may hold {@code ${ENV_VAR}} references
 * @param user        the database user, or {@code null} for the driver's default; may hold references
 * @param password    the password, or {@code null}; write {@code ${ENV_VAR}} to keep it out of the spec
 * @param table       the table, {@code name} or {@code schema.name}, lower-case identifiers
 * @param batchSize   the most events written in one transaction, at least 1
 * @param createTable whether to create the table when it is missing
 */
public record PostgresSinkSpec(String name, String input, String url, String user, String password, String table,
    int batchSize, boolean createTable) implements SinkSpec {
  /** The form of {@link #table()}: an identifier Postgres keeps as written, optionally schema-qualified. */
  public static final String TABLE_FORM = "[a-z_][a-z0-9_]{0,62}(\\.[a-z_][a-z0-9_]{0,62})?";
  private static final Pattern TABLE = Pattern.compile(TABLE_FORM);

  public PostgresSinkSpec {
    StageChecks.checkName(name, "sink");
    TopicName.parse(Objects.requireNonNull(input, "input"));
    if (!Objects.requireNonNull(url, "url").startsWith("jdbc:postgresql:")) {
      throw new IllegalArgumentException("sink '" + name + "' needs a jdbc:postgresql: URL, was " + url);
    }
    if (!TABLE.matcher(Objects.requireNonNull(table, "table")).matches()) {
      throw new IllegalArgumentException("sink '" + name + "' table '" + table + "' must match " + TABLE_FORM);
    }
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize must be at least 1, was " + batchSize);
    }
  }
}
