package dev.hookguard.runtime.subject;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookguard.runtime.HookGuard;
import dev.hookguard.runtime.store.SqliteBackend;
import dev.hookguard.runtime.store.StoreBackend;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The data-subject suite on a SQLite file, whose subject keys live in the key file beside it. */
class SqliteSubjectsTest extends SubjectsContract {

  @Override
  StoreBackend newBackend(Path directory) {
    return new SqliteBackend(directory);
  }

  @Override
  HookGuard.Builder configure(HookGuard.Builder builder) {
    return backend.configure(builder);
  }

  private Path database() {
    return ((SqliteBackend) backend).file();
  }

  private Path keyFile() {
    return Path.of(database() + ".keys");
  }

  @Override
  Backup takeBackup() throws Exception {
    Path copy = work.resolve("backup-" + run + ".db");
    ((SqliteBackend) backend).copyTo(copy);
    return new Backup() {
      @Override
      public HookGuard.Builder configure(HookGuard.Builder builder) {
        return builder.sqlite(copy).retentionKeyFile(keyFile());
      }

      @Override
      public List<byte[]> everythingStored() throws Exception {
        List<byte[]> parts = new ArrayList<>();
        for (String suffix : List.of("", "-wal")) {
          Path part = Path.of(copy + suffix);
          if (Files.exists(part)) {
            parts.add(Files.readAllBytes(part));
          }
        }
        return parts;
      }

      @Override
      public void close() {}
    };
  }

  @Test
  void anErasedSubjectsKeysAreTombstonesInTheKeyFile() throws Exception {
    orders.put("o1", order(ada(), "A1"), false);
    hookGuard.subjects().erase(ada(), "request");
    try (Connection keys = DriverManager.getConnection("jdbc:sqlite:" + keyFile());
        Statement statement = keys.createStatement();
        ResultSet rows = statement.executeQuery(
            "SELECT COUNT(*), COUNT(wrapped_key), COUNT(destroyed_at) FROM hg_subject_keys")) {
      rows.next();
      assertThat(rows.getLong(1)).isEqualTo(1);
      assertThat(rows.getLong(2)).isZero();
      assertThat(rows.getLong(3)).isEqualTo(1);
    }
  }
}
