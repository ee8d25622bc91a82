package dev.hookguard.runtime.receiver;

import dev.hookguard.runtime.audit.TestDatabase;
import java.nio.file.Path;

/** The outbox on a SQLite file. */
class SqliteOutboxTest extends OutboxContract {

  @Override
  TestDatabase newDatabase(Path directory) {
    return TestDatabase.sqlite(directory);
  }
}
