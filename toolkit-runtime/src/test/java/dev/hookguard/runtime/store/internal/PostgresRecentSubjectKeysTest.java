package dev.hookguard.runtime.store.internal;

import dev.hookguard.runtime.internal.jdbc.Database;
import dev.hookguard.runtime.store.PostgresBackend;
import java.nio.file.Path;

/** {@link RecentSubjectKeysContract} on PostgreSQL: the keys are checked in the one round trip. */
class PostgresRecentSubjectKeysTest extends RecentSubjectKeysContract {

  private PostgresBackend backend;

  @Override
  Database openDatabase(Path work) {
    backend = new PostgresBackend(work);
    return Database.postgres(backend.dataSource());
  }

  /** A new pool on the same database: a {@code Database} of its own, as another instance has. */
  @Override
  Database anotherInstance() {
    return Database.postgres(backend.newPool(2));
  }

  @Override
  Database anotherDatabase() {
    return anotherInstance();
  }

  @Override
  int batchesRewrittenAfterAnErasure() {
    return 1;
  }

  @Override
  void closeBackend() throws Exception {
    backend.close();
  }
}
