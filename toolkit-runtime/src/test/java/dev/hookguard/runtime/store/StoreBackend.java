package dev.hookguard.runtime.store;

import dev.hookguard.runtime.HookGuard;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * One real database for the behavioural suite: how to point a {@link HookGuard} at it, how to
 * reach its rows behind HookGuard's back (to tamper), and how to read everything it holds (to
 * scan for canaries).
 */
public interface StoreBackend extends AutoCloseable {

  /** Points {@code builder} at this backend's database. */
  HookGuard.Builder configure(HookGuard.Builder builder);

  /** A raw connection to the same database, bypassing HookGuard; the caller closes it. */
  Connection rawConnection() throws SQLException;

  /**
   * Everything the database holds, as byte strings to search: raw files (SQLite: the database,
   * -wal and -shm files) or every column of every row of every table rendered as text
   * (PostgreSQL).
   */
  List<byte[]> everythingStored() throws Exception;

  /** The directory for key files and other local state of this test. */
  Path workDirectory();

  @Override
  void close() throws Exception;
}
