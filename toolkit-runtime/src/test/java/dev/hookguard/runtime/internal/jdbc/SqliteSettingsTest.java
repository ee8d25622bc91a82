package dev.hookguard.runtime.internal.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The settings of a SQLite connection that {@link Database#sqlite} opens. */
class SqliteSettingsTest {

  @TempDir Path work;

  @Test
  void durableWithForeignKeysAndZeroedDeletions() {
    Database database = Database.sqlite(work.resolve("settings.db"));
    try {
      Map<String, String> pragmas = database.inTransaction("reading the settings", connection -> {
        Map<String, String> values = new LinkedHashMap<>();
        for (String pragma : new String[] {"journal_mode", "synchronous", "foreign_keys",
            "secure_delete", "busy_timeout"}) {
          values.put(pragma, pragma(connection, pragma));
        }
        return values;
      });
      assertThat(pragmas).containsExactly(
          Map.entry("journal_mode", "wal"),
          Map.entry("synchronous", "2"), // FULL
          Map.entry("foreign_keys", "1"),
          Map.entry("secure_delete", "1"),
          Map.entry("busy_timeout", "30000"));
    } finally {
      database.close();
    }
  }

  /**
   * No generated keys: with them, the driver runs a statement of its own after every
   * {@code INSERT} ({@code SELECT last_insert_rowid()}, prepared each time), and nothing reads them.
   */
  @Test
  void anInsertIsNotFollowedByAQueryForItsGeneratedKey() {
    Database database = Database.sqlite(work.resolve("keys.db"));
    try {
      boolean keyReturned = database.inTransaction("inserting", connection -> {
        try (Statement statement = connection.createStatement()) {
          statement.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)");
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO t (v) VALUES (?)")) {
          insert.setString(1, "x");
          assertThat(insert.executeUpdate()).isEqualTo(1);
          try (ResultSet keys = insert.getGeneratedKeys()) {
            return keys.next();
          }
        }
      });
      assertThat(keyReturned).isFalse();
    } finally {
      database.close();
    }
  }

  private static String pragma(Connection connection, String name) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery("PRAGMA " + name)) {
      assertThat(row.next()).isTrue();
      return row.getString(1);
    }
  }
}
