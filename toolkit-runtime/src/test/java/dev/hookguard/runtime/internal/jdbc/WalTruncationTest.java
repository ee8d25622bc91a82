package dev.hookguard.runtime.internal.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A truncating checkpoint that a reader blocks is seen, retried and reported, never taken for
 * done: while the WAL is not empty, the page images of deleted rows and destroyed keys are still
 * in it. And the wait does not hold the connection: other work goes on between attempts.
 */
class WalTruncationTest {

  @TempDir
  Path work;

  @Test
  void aReaderOfAnOlderSnapshotBlocksTheTruncationUntilItEnds() throws Exception {
    Path file = work.resolve("hookguard.db");
    Database database = Database.sqlite(file);
    try {
      database.inTransaction("creating", connection -> {
        try (Statement statement = connection.createStatement()) {
          statement.execute("CREATE TABLE secrets (value TEXT)");
          statement.execute("INSERT INTO secrets VALUES ('wrapped-key-1')");
        }
        return null;
      });
      Path wal = Path.of(file + "-wal");
      try (Connection reader = DriverManager.getConnection("jdbc:sqlite:" + file)) {
        reader.setAutoCommit(false);
        try (Statement statement = reader.createStatement();
            ResultSet rows = statement.executeQuery("SELECT value FROM secrets")) {
          assertThat(rows.next()).isTrue(); // the reader's snapshot is open
          database.inTransaction("deleting", connection -> {
            try (Statement delete = connection.createStatement()) {
              delete.execute("DELETE FROM secrets");
            }
            return null;
          });

          // Other work goes on while the truncation waits for the reader.
          CompletableFuture<Boolean> truncation = CompletableFuture.supplyAsync(
              () -> database.truncateWal("test", Duration.ofMillis(1_500)));
          long started = System.nanoTime();
          database.inTransaction("meanwhile", connection -> null);
          assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));

          assertThat(truncation.get(10, TimeUnit.SECONDS))
              .as("blocked by the reader: reported, not taken for done").isFalse();
          assertThat(Files.size(wal)).isPositive();
        }
        reader.rollback();
      }
      assertThat(database.truncateWal("test")).isTrue();
      assertThat(Files.size(wal)).isZero();
    } finally {
      database.close();
    }
  }
}
