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

  /**
   * A sweep of a copy taken before an erasure, once one field of each note's group passes a
   * retention shortened since: the erased person's group opens nowhere, so it goes whole; the
   * other person's loses that field only. (SQLite: its copies take the sweep's writes.)
   */
  @Test
  void aSweepOfACopyDeletesAnErasedPersonsFieldGroupWholeAndAnotherPersonsFieldAlone()
      throws Exception {
    dev.hookguard.runtime.generated.PayloadTable notes =
        dev.hookguard.runtime.generated.GeneratedStores.table(hookGuard, NOTES);
    notes.put("n1", note(ada()), false);
    notes.put("n2", note(bob()), false);
    try (Backup backup = takeBackup()) {
      hookGuard.subjects().erase(ada(), "erasure request 45");
      try (HookGuard restored = backup.configure(HookGuard.builder())
          .masterKey(masterKey).clock(clock).build()) {
        dev.hookguard.runtime.generated.PayloadTable old =
            dev.hookguard.runtime.generated.GeneratedStores.table(restored, NOTES_BODY_3_DAYS);
        clock.set(T0.plus(java.time.Duration.ofDays(4)));

        // Ada's author, title and body; Bob's body.
        assertThat(restored.retention().sweep().fieldsDeleted()).isEqualTo(4);
        assertThat(old.get("n1").orElseThrow().fieldJson()).isEmpty();
        assertThat(old.get("n2").orElseThrow().fieldJson())
            .containsEntry("author", "\"" + bob() + "\"").containsOnlyKeys("author", "title");
        assertThat(restored.retention().sweep().fieldsDeleted()).isZero();
      }
    }
  }
}
