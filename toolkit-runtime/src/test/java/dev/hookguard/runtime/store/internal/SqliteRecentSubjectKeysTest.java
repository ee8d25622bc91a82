package dev.hookguard.runtime.store.internal;

import dev.hookguard.runtime.internal.jdbc.Database;
import java.nio.file.Path;

/**
 * {@link RecentSubjectKeysContract} on SQLite: the keys are read in the record's transaction, which
 * holds the write lock, so no erasure can come between that read and the commit.
 */
class SqliteRecentSubjectKeysTest extends RecentSubjectKeysContract {

  private Path work;

  @Override
  Database openDatabase(Path work) {
    this.work = work;
    return Database.sqlite(work.resolve("hookguard.db"));
  }

  /** Its own connection to the same file, as another process opens it. */
  @Override
  Database anotherInstance() {
    return Database.sqlite(work.resolve("hookguard.db"));
  }

  @Override
  Database anotherDatabase() {
    return Database.sqlite(work.resolve("keys-apart.db"));
  }

  @Override
  int batchesRewrittenAfterAnErasure() {
    return 0;
  }
}
