package dev.hookguard.runtime.receiver;

import dev.hookguard.runtime.audit.TestDatabase;
import java.nio.file.Path;

/** Receipts on a SQLite file. */
class SqliteReceiptTest extends ReceiptContract {

  @Override
  TestDatabase newDatabase(Path directory) {
    return TestDatabase.sqlite(directory);
  }
}
