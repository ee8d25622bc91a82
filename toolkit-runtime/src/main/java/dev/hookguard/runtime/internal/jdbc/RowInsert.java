package dev.hookguard.runtime.internal.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Rows for one table, inserted by one multi-row {@code INSERT}: run on its own ({@link
 * #execute}), or, on PostgreSQL, its {@link #sql} sent with other statements in one round trip
 * and its values {@link #bind bound} after theirs.
 *
 * <p>Each value is given with its SQL type ({@link Types#VARCHAR}, {@link Types#BIGINT}, {@link
 * Types#INTEGER} or {@link Types#BINARY}), so a null is bound as a null of the column's type.
 */
public final class RowInsert {

  private final String prefix;
  private final String template;
  private final int[] types;
  private final List<Object[]> rows = new ArrayList<>();

  private RowInsert(String prefix, String template, int[] types) {
    this.prefix = prefix;
    this.template = template;
    this.types = types;
  }

  /**
   * Rows of {@code table}: {@code columns} as in an {@code INSERT}'s column list, {@code values}
   * one row's {@code VALUES} tuple (placeholders and constants), {@code types} the SQL type of each
   * placeholder, in order.
   */
  public static RowInsert into(String table, String columns, String values, int... types) {
    long placeholders = values.chars().filter(c -> c == '?').count();
    if (placeholders != types.length) {
      throw new IllegalArgumentException(
          values + " has " + placeholders + " placeholders for " + types.length + " types");
    }
    for (int type : types) {
      if (type != Types.VARCHAR && type != Types.BIGINT && type != Types.INTEGER
          && type != Types.BINARY) {
        throw new IllegalArgumentException("unsupported SQL type " + type);
      }
    }
    return new RowInsert(
        "INSERT INTO " + table + " (" + columns + ") VALUES ", values, types.clone());
  }

  /** Adds a row: one value per placeholder, each a {@code String}, {@code Long}, {@code Integer}, {@code byte[]} or null. */
  public RowInsert row(Object... values) {
    if (values.length != types.length) {
      throw new IllegalArgumentException(
          values.length + " values for " + types.length + " placeholders");
    }
    rows.add(values.clone());
    return this;
  }

  /** Whether there is no row to insert. */
  public boolean isEmpty() {
    return rows.isEmpty();
  }

  /** The statement inserting every row; only for a non-empty insert. */
  public String sql() {
    if (rows.isEmpty()) {
      throw new IllegalStateException("no rows to insert");
    }
    return prefix + String.join(", ", Collections.nCopies(rows.size(), template));
  }

  /** Binds every row's values from parameter {@code first} on; returns the next parameter's index. */
  public int bind(PreparedStatement statement, int first) throws SQLException {
    int index = first;
    for (Object[] row : rows) {
      for (int i = 0; i < types.length; i++) {
        set(statement, index++, types[i], row[i]);
      }
    }
    return index;
  }

  /**
   * Inserts the rows, in the transaction of {@code connection}, at most {@value #ROWS_PER_STATEMENT}
   * per statement (PostgreSQL takes at most 65,535 parameters in one); nothing if there are none.
   */
  public void execute(Connection connection) throws SQLException {
    for (int from = 0; from < rows.size(); from += ROWS_PER_STATEMENT) {
      RowInsert part = new RowInsert(prefix, template, types);
      part.rows.addAll(rows.subList(from, Math.min(rows.size(), from + ROWS_PER_STATEMENT)));
      try (PreparedStatement insert = connection.prepareStatement(part.sql())) {
        part.bind(insert, 1);
        insert.executeUpdate();
      }
    }
  }

  /** Most rows {@link #execute} inserts with one statement. */
  static final int ROWS_PER_STATEMENT = 1_000;

  private static void set(PreparedStatement statement, int index, int type, Object value)
      throws SQLException {
    if (value == null) {
      statement.setNull(index, type);
      return;
    }
    switch (type) {
      case Types.VARCHAR -> statement.setString(index, (String) value);
      case Types.BIGINT -> statement.setLong(index, (Long) value);
      case Types.INTEGER -> statement.setInt(index, (Integer) value);
      default -> statement.setBytes(index, (byte[]) Objects.requireNonNull(value));
    }
  }

  /** Names the table and the number of rows, never a value. */
  @Override
  public String toString() {
    return "RowInsert[" + prefix.substring("INSERT INTO ".length(), prefix.indexOf(' ', 12))
        + ", " + rows.size() + " rows]";
  }
}
