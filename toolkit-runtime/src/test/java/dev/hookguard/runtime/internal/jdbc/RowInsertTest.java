package dev.hookguard.runtime.internal.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Types;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Multi-row inserts on a real SQLite file: typed nulls, constants, more rows than one statement holds. */
class RowInsertTest {

  @TempDir
  Path work;

  @Test
  void insertsEveryRowWithTypedNullsAndConstantsAcrossStatements() throws Exception {
    try (Database database = Database.sqlite(work.resolve("rows.db"))) {
      int rows = RowInsert.ROWS_PER_STATEMENT * 2 + 7;
      long[] count = new long[3];
      database.inTransaction("inserting", c -> {
        try (Statement statement = c.createStatement()) {
          statement.execute("CREATE TABLE t (name TEXT NOT NULL, at INTEGER, n INTEGER,"
              + " data BLOB, fixed INTEGER NOT NULL)");
        }
        RowInsert insert = RowInsert.into("t", "name, at, n, data, fixed", "(?, ?, ?, ?, 0)",
            Types.VARCHAR, Types.BIGINT, Types.INTEGER, Types.BINARY);
        for (int i = 0; i < rows; i++) {
          insert.row("row " + i, i % 2 == 0 ? null : (long) i, i, i % 3 == 0 ? null : new byte[] {1});
        }
        insert.execute(c);
        try (PreparedStatement select = c.prepareStatement(
                "SELECT COUNT(*), COUNT(at), COUNT(data) FROM t WHERE fixed = 0");
            ResultSet r = select.executeQuery()) {
          r.next();
          count[0] = r.getLong(1);
          count[1] = r.getLong(2);
          count[2] = r.getLong(3);
        }
        return null;
      });
      assertThat(count).containsExactly(rows, rows / 2, rows - (rows + 2) / 3);
    }
  }

  @Test
  void refusesRowsThatDoNotFitItsPlaceholdersAndNamesNoValue() {
    RowInsert insert = RowInsert.into("t", "a, b", "(?, ?)", Types.VARCHAR, Types.VARCHAR);
    assertThatThrownBy(() -> insert.row("only one")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RowInsert.into("t", "a", "(?, ?)", Types.VARCHAR))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(insert::sql).isInstanceOf(IllegalStateException.class);
    insert.row("secret-value", null);
    assertThat(insert.sql()).isEqualTo("INSERT INTO t (a, b) VALUES (?, ?)");
    assertThat(insert.toString()).isEqualTo("RowInsert[t, 1 rows]").doesNotContain("secret");
  }
}
