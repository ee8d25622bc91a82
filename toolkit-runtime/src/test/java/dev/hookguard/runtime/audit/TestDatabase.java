package dev.hookguard.runtime.audit;

import dev.hookguard.runtime.HookGuard;
import dev.hookguard.testsupport.TestPostgres;
import dev.hookguard.runtime.crypto.MasterKey;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * A fresh database for one test class of the audit trail, the shared replay guard or the receiver:
 * a SQLite file in a temporary directory, or a new schema on the tests' PostgreSQL ({@link
 * TestPostgres}: embedded, or the server named by {@code HOOKGUARD_TEST_POSTGRES_URL}), dropped on
 * close. When PostgreSQL is unreachable its tests fail: they are never skipped.
 */
public abstract class TestDatabase implements AutoCloseable {


  private final Path directory;
  private final List<HookGuard> opened = new ArrayList<>();

  private TestDatabase(Path directory) {
    this.directory = directory;
  }

  /** A SQLite file in {@code directory}. */
  public static TestDatabase sqlite(Path directory) {
    return new Sqlite(directory);
  }

  /** A new schema on the local PostgreSQL server; key files in {@code directory}. */
  public static TestDatabase postgres(Path directory) {
    return new Postgres(directory);
  }

  /**
   * A new {@code HookGuard} instance on this database (each PostgreSQL instance with its own pool),
   * closed with this database.
   */
  public HookGuard open(Clock clock) {
    HookGuard hookGuard = builder().clock(clock).build();
    opened.add(hookGuard);
    return hookGuard;
  }

  /** A builder pointed at this database with its master key; the caller closes what it builds. */
  public HookGuard.Builder builder() {
    return pointAt(HookGuard.builder())
        .masterKey(MasterKey.localFile(directory.resolve("keys").resolve("master.key")));
  }

  /** A connection that bypasses HookGuard, to tamper; the caller closes it. */
  public abstract Connection raw() throws SQLException;

  /** Drops the triggers that keep the audit entries append-only, as a tamperer would. */
  public abstract void allowTampering() throws SQLException;

  /** Whether this is PostgreSQL. */
  public abstract boolean postgres();

  abstract HookGuard.Builder pointAt(HookGuard.Builder builder);

  /** Runs each statement on a raw connection, in autocommit. */
  public void execute(String... sql) throws SQLException {
    try (Connection connection = raw();
        Statement statement = connection.createStatement()) {
      for (String each : sql) {
        statement.execute(each);
      }
    }
  }

  @Override
  public void close() throws SQLException {
    for (HookGuard each : opened) {
      each.close();
    }
  }

  private static final class Sqlite extends TestDatabase {
    private final Path file;

    Sqlite(Path directory) {
      super(directory);
      this.file = directory.resolve("hookguard.db");
    }

    @Override
    HookGuard.Builder pointAt(HookGuard.Builder builder) {
      return builder.sqlite(file);
    }

    @Override
    public Connection raw() throws SQLException {
      return DriverManager.getConnection("jdbc:sqlite:" + file);
    }

    @Override
    public void allowTampering() throws SQLException {
      execute("DROP TRIGGER hg_audit_no_update", "DROP TRIGGER hg_audit_no_delete");
    }

    @Override
    public boolean postgres() {
      return false;
    }
  }

  private static final class Postgres extends TestDatabase {
    private final TestPostgres.Schema schema;

    Postgres(Path directory) {
      super(directory);
      this.schema = TestPostgres.server().newSchema();
    }

    @Override
    HookGuard.Builder pointAt(HookGuard.Builder builder) {
      return builder.postgres(schema.newPool(8));
    }

    @Override
    public Connection raw() throws SQLException {
      return schema.connect();
    }

    @Override
    public void allowTampering() throws SQLException {
      execute("ALTER TABLE hg_audit_entries DISABLE TRIGGER hg_audit_append_only");
    }

    @Override
    public boolean postgres() {
      return true;
    }

    @Override
    public void close() throws SQLException {
      try {
        super.close();
      } finally {
        schema.close();
      }
    }
  }
}
