package dev.hookguard.runtime.signature;

import dev.hookguard.runtime.audit.TestDatabase;
import java.nio.file.Path;

/** The shared replay guard on PostgreSQL: two instances, each with its own pool, on one schema. */
class PostgresReplayGuardTest extends SharedReplayGuardContract {

  @Override
  TestDatabase newDatabase(Path directory) {
    return TestDatabase.postgres(directory);
  }
}
