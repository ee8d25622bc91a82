package dev.hookguard.runtime.internal.jdbc;

import dev.hookguard.runtime.store.StoreException;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;

/**
 * Connections to the store's database and the one way to run work in a transaction.
 *
 * <p>SQLite: one connection per {@code HookGuard}, used by one thread at a time; every
 * transaction begins {@code IMMEDIATE} (takes the write lock at once, so two writers never
 * deadlock upgrading), the journal is in WAL mode, deleted content is overwritten
 * ({@code secure_delete}), and a busy database is waited for. PostgreSQL: a connection from the
 * application's {@code DataSource} per transaction, returned afterwards; the pool is the
 * application's to close.
 */
public final class Database implements AutoCloseable {

  /** Work done on a connection, inside a transaction or (for one statement) outside one. */
  @FunctionalInterface
  public interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  private final Dialect dialect;
  private final DataSource dataSource;
  private final Connection sqlite;
  private final ReentrantLock sqliteLock = new ReentrantLock();
  private final String description;

  private Database(Dialect dialect, DataSource dataSource, Connection sqlite, String description) {
    this.dialect = dialect;
    this.dataSource = dataSource;
    this.sqlite = sqlite;
    this.description = description;
  }

  /** Opens (creating if needed) the SQLite database file {@code file}. */
  public static Database sqlite(Path file) {
    Path absolute = file.toAbsolutePath();
    createOwnerOnly(absolute);
    Properties properties = new Properties();
    // xerial's SQLiteConfig reads these pragma names from the connection properties.
    properties.setProperty("busy_timeout", "30000");
    properties.setProperty("journal_mode", "WAL");
    properties.setProperty("synchronous", "FULL");
    properties.setProperty("foreign_keys", "true");
    properties.setProperty("secure_delete", "true");
    properties.setProperty("transaction_mode", "IMMEDIATE");
    // Otherwise the driver follows every INSERT with a statement of its own, prepared each time
    // (SELECT last_insert_rowid()), for generated keys that nothing here reads.
    properties.setProperty("jdbc.get_generated_keys", "false");
    try {
      Connection connection = DriverManager.getConnection("jdbc:sqlite:" + absolute, properties);
      try (Statement statement = connection.createStatement()) {
        // Also set explicitly: pragmas given as properties are applied by driver versions that
        // know them; these must hold whatever the driver version.
        statement.execute("PRAGMA busy_timeout = 30000");
        statement.execute("PRAGMA journal_mode = WAL");
        // A committed put must survive a power loss: a 2xx is sent only after it.
        statement.execute("PRAGMA synchronous = FULL");
        statement.execute("PRAGMA foreign_keys = ON");
        statement.execute("PRAGMA secure_delete = ON");
      }
      return new Database(Dialect.SQLITE, null, connection, "sqlite:" + absolute);
    } catch (SQLException e) {
      throw new StoreException(
          StoreException.Reason.DATABASE_ERROR, "cannot open SQLite database " + absolute, e);
    }
  }

  /** Uses the PostgreSQL database behind {@code dataSource}. */
  public static Database postgres(DataSource dataSource) {
    return new Database(Dialect.POSTGRESQL, dataSource, null, "postgresql:" + dataSource);
  }

  /** Which database this is. */
  public Dialect dialect() {
    return dialect;
  }

  /**
   * Runs {@code work} in one transaction and commits, or rolls back on any exception. SQL failures
   * become {@link StoreException}s with reason {@code DATABASE_ERROR} naming {@code what}.
   */
  public <T> T inTransaction(String what, Work<T> work) {
    return onConnection(what, connection -> run(connection, what, work));
  }

  /**
   * Runs {@code work} on SQLite's connection, holding its lock, or on a connection from the pool,
   * returned afterwards; SQL failures become {@link #failure}s naming {@code what}.
   */
  private <T> T onConnection(String what, Work<T> work) {
    if (dialect == Dialect.SQLITE) {
      sqliteLock.lock();
      try {
        return work.run(sqlite);
      } catch (SQLException e) {
        throw failure(what, e);
      } finally {
        sqliteLock.unlock();
      }
    }
    try (Connection connection = dataSource.getConnection()) {
      return work.run(connection);
    } catch (SQLException e) {
      throw failure(what, e);
    }
  }

  private static <T> T run(Connection connection, String what, Work<T> work) {
    try {
      connection.setAutoCommit(false);
      try {
        T result = work.run(connection);
        connection.commit();
        return result;
      } catch (SQLException | RuntimeException | Error e) {
        try {
          connection.rollback();
        } catch (SQLException suppressed) {
          e.addSuppressed(suppressed);
        }
        throw e;
      } finally {
        connection.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw failure(what, e);
    }
  }

  /**
   * Runs {@code work} outside a transaction (autocommit) and returns its result: for a read that
   * is one statement, which needs no transaction of its own (no {@code BEGIN} and {@code COMMIT}
   * round trips on PostgreSQL, no write lock on SQLite). SQL failures become {@link
   * StoreException}s with reason {@code DATABASE_ERROR} naming {@code what}.
   */
  public <T> T withoutTransaction(String what, Work<T> work) {
    return onConnection(what, connection -> {
      if (!connection.getAutoCommit()) {
        connection.setAutoCommit(true); // a pool configured without autocommit
      }
      return work.run(connection);
    });
  }

  /**
   * Runs {@code work} outside a transaction (autocommit), for statements such as SQLite's
   * checkpoint that cannot run inside one.
   */
  public void outsideTransaction(String what, Work<Void> work) {
    withoutTransaction(what, work);
  }

  /** How long {@link #truncateWal(String)} waits for readers of an older snapshot at most. */
  public static final java.time.Duration WAL_WAIT = java.time.Duration.ofSeconds(10);

  /**
   * SQLite: copies the WAL into the database file and truncates it to zero bytes, so that no page
   * image of a deleted row or destroyed key stays in it. A reader still holding an older
   * snapshot (another process, a backup) makes the checkpoint report busy: it is tried again for
   * up to {@link #WAL_WAIT}. Returns whether the WAL is empty now; on PostgreSQL, true.
   */
  public boolean truncateWal(String what) {
    return truncateWal(what, WAL_WAIT);
  }

  /**
   * {@link #truncateWal(String)}, waiting at most {@code wait}. Each attempt waits 100 ms for
   * readers, and the connection is free between attempts: receipts are not held up for the whole
   * wait, as they were behind one checkpoint waiting out the 30 s busy timeout.
   */
  public boolean truncateWal(String what, java.time.Duration wait) {
    if (dialect != Dialect.SQLITE) {
      return true;
    }
    long deadline = System.nanoTime() + wait.toNanos();
    while (true) {
      boolean[] done = new boolean[1];
      outsideTransaction(
          what,
          connection -> {
            try (Statement statement = connection.createStatement()) {
              statement.execute("PRAGMA busy_timeout = 100");
              try (java.sql.ResultSet result =
                  statement.executeQuery("PRAGMA wal_checkpoint(TRUNCATE)")) {
                // One row: busy (1 if a reader or writer blocked it), WAL frames, frames copied.
                done[0] = result.next() && result.getInt(1) == 0;
              } finally {
                statement.execute("PRAGMA busy_timeout = 30000");
              }
            }
            return null;
          });
      if (done[0]) {
        return true;
      }
      if (System.nanoTime() - deadline > 0) {
        return false;
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
  }

  /**
   * The {@link StoreException} (reason {@code DATABASE_ERROR}, naming {@code what}) a SQL failure
   * becomes: for work that must report one where it cannot throw {@code SQLException}.
   */
  public static StoreException failure(String what, SQLException e) {
    // A driver's message can quote values (PostgreSQL's "Detail: Key (...)=(...)", a batch's
    // parameters), so the cause keeps only what identifies the error: its SQLState and code.
    SQLException cause = new SQLException(
        "SQLState " + e.getSQLState() + ", vendor code " + e.getErrorCode() + " ("
            + e.getClass().getSimpleName() + ")", e.getSQLState(), e.getErrorCode());
    cause.setStackTrace(e.getStackTrace());
    // PostgreSQL's lock_not_available: a bounded wait (lock_timeout) for another transaction.
    String hint = "55P03".equals(e.getSQLState())
        ? ": a lock was not granted in time, another transaction holds it; try again" : "";
    return new StoreException(StoreException.Reason.DATABASE_ERROR, what + " failed" + hint, cause);
  }

  /** Closes the SQLite connection (checkpointing the WAL); a PostgreSQL pool is left open. */
  @Override
  public void close() {
    if (sqlite == null) {
      return;
    }
    sqliteLock.lock();
    try {
      sqlite.close();
    } catch (SQLException e) {
      throw failure("closing " + description, e);
    } finally {
      sqliteLock.unlock();
    }
  }

  @Override
  public String toString() {
    return "Database[" + description + "]";
  }

  /**
   * Creates {@code file} empty (an empty file is an empty SQLite database) and readable by its
   * owner only, unless it exists. SQLite gives its {@code -wal} and {@code -shm} files the mode of
   * the database file, so none of them is readable by others, whatever the process umask. On a
   * file system without POSIX permissions, SQLite creates the file as usual.
   */
  private static void createOwnerOnly(Path file) {
    if (Files.exists(file)) {
      return;
    }
    try {
      if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
        Files.createFile(
            file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      }
    } catch (FileAlreadyExistsException e) {
      // Created at the same moment by another instance: fine, it is that one's file.
    } catch (IOException e) {
      throw new StoreException(
          StoreException.Reason.DATABASE_ERROR, "cannot create SQLite database " + file, e);
    }
  }
}
