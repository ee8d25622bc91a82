package dev.hookguard.runtime.audit;

import java.nio.file.Path;

/** The audit trail on PostgreSQL, a fresh schema per test, dropped afterwards. */
class PostgresAuditTrailTest extends AuditTrailContract {

  @Override
  TestDatabase newDatabase(Path directory) {
    return TestDatabase.postgres(directory);
  }
}
