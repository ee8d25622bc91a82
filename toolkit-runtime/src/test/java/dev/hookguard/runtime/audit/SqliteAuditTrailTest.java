package dev.hookguard.runtime.audit;

import java.nio.file.Path;

/** The audit trail on a SQLite file. */
class SqliteAuditTrailTest extends AuditTrailContract {

  @Override
  TestDatabase newDatabase(Path directory) {
    return TestDatabase.sqlite(directory);
  }
}
