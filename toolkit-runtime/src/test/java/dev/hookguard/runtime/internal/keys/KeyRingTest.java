package dev.hookguard.runtime.internal.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hookguard.runtime.crypto.MasterKey;
import dev.hookguard.runtime.internal.jdbc.Database;
import dev.hookguard.runtime.internal.schema.Migrations;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The keyring's cache after a rotation whose transaction did not commit. */
class KeyRingTest {

  @TempDir Path work;

  @Test
  void keysCachedByARotationRolledBackAreNeverUsedAsCurrent() throws Exception {
    Clock clock = Clock.systemUTC();
    try (Database database = Database.sqlite(work.resolve("hookguard.db"))) {
      Migrations.migrate(database, clock);
      KeyRing keys = KeyRing.open(database, MasterKey.localFile(work.resolve("master.key")), clock);
      DataKeys committed = keys.cached();

      assertThatThrownBy(() -> database.inTransaction("rotating, then failing", connection -> {
        keys.rotate(connection, keys.forChange(connection));
        throw new IllegalStateException("the transaction fails after the rotation");
      })).isInstanceOf(IllegalStateException.class);
      // Cached by the rotation: the generation nothing committed.
      assertThat(keys.cached().generation()).isEqualTo(committed.generation() + 1);

      keys.forgetUncommitted();

      assertThat(keys.cached().generation()).isEqualTo(-1);
      DataKeys read = database.inTransaction("reading", keys::forRead);
      assertThat(read.generation()).isEqualTo(committed.generation());
      assertThat(read.revision()).isEqualTo(committed.revision());
      assertThat(keys.cached()).isSameAs(read);
    }
  }
}
