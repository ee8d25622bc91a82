package dev.hookguard.runtime;

import dev.hookguard.runtime.audit.AuditSink;
import dev.hookguard.runtime.crypto.KeyManager;
import dev.hookguard.runtime.crypto.MasterKey;
import dev.hookguard.runtime.crypto.internal.KeyRing;
import dev.hookguard.runtime.store.PayloadTable;
import dev.hookguard.runtime.store.StoreException;
import dev.hookguard.runtime.store.StoreSchema;
import dev.hookguard.runtime.store.internal.Database;
import dev.hookguard.runtime.store.internal.JdbcKeyManager;
import dev.hookguard.runtime.store.internal.JdbcPayloadTable;
import dev.hookguard.runtime.store.internal.Migrations;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import javax.sql.DataSource;

/**
 * One store of webhook payloads: a database, the master key that guards its data keys, the
 * clock that stamps receipt times, and the sink that audits reveals.
 *
 * <pre>{@code
 * try (HookGuard hookGuard = HookGuard.builder()
 *     .sqlite(Path.of("hookguard.db"))
 *     .masterKey(MasterKey.fromEnv("HOOKGUARD_MASTER_KEY"))
 *     .build()) {
 *   OrderStore orders = OrderStore.create(hookGuard);   // generated
 *   ...
 * }
 * }</pre>
 *
 * <p>{@link Builder#build()} creates or migrates the schema and opens (or, for a new database,
 * creates) the data keyring; several instances may do so at once against one PostgreSQL database.
 * Instances are thread-safe. {@link #close()} closes a SQLite database; a PostgreSQL
 * {@code DataSource} belongs to the application and is left open.
 */
public final class HookGuard implements AutoCloseable {

  private final Database database;
  private final KeyRing keyRing;
  private final Clock clock;
  private final AuditSink auditSink;
  private final KeyManager keyManager;
  private final ConcurrentMap<String, StoreSchema> schemas = new ConcurrentHashMap<>();

  private HookGuard(Database database, KeyRing keyRing, Clock clock, AuditSink auditSink) {
    this.database = database;
    this.keyRing = keyRing;
    this.clock = clock;
    this.auditSink = auditSink;
    this.keyManager = new JdbcKeyManager(database, keyRing);
  }

  /** Starts configuring a {@code HookGuard}. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The table of {@code schema}'s payload type. Generated {@code XStore.create(HookGuard)} calls
   * this once. Asking again with an equal schema gives an equivalent table.
   *
   * @throws StoreException with {@code INVALID_REQUEST} if this instance already opened the payload
   *     type with a different schema
   */
  public PayloadTable table(StoreSchema schema) {
    Objects.requireNonNull(schema, "schema");
    StoreSchema known = schemas.putIfAbsent(schema.payloadType(), schema);
    if (known != null && !known.equals(schema)) {
      throw new StoreException(
          StoreException.Reason.INVALID_REQUEST,
          "payload type " + schema.payloadType() + " is already open with a different schema");
    }
    return new JdbcPayloadTable(schema, database, keyRing, clock, auditSink);
  }

  /** Rotation, re-encryption and destruction of the data keys. */
  public KeyManager keys() {
    return keyManager;
  }

  /** The clock that stamps receipt times and audit events. */
  public Clock clock() {
    return clock;
  }

  /** Closes the SQLite database; leaves a PostgreSQL {@code DataSource} open. */
  @Override
  public void close() {
    database.close();
  }

  @Override
  public String toString() {
    return "HookGuard[" + database + ", " + keyRing + "]";
  }

  /** Options of a {@link HookGuard}. A database and a master key are required. */
  public static final class Builder {

    private Path sqliteFile;
    private DataSource postgres;
    private MasterKey masterKey;
    private Clock clock = Clock.systemUTC();
    private AuditSink auditSink = AuditSink.logging();

    private Builder() {}

    /**
     * Stores in the SQLite file {@code file} (the embedded default), created if absent, in WAL
     * mode. Exclusive with {@link #postgres(DataSource)}.
     */
    public Builder sqlite(Path file) {
      this.sqliteFile = Objects.requireNonNull(file, "file");
      this.postgres = null;
      return this;
    }

    /**
     * Stores in the PostgreSQL database behind {@code dataSource} (a pool such as HikariCP), in
     * the schema its connections use by default. Several instances may share one database.
     * Exclusive with {@link #sqlite(Path)}.
     */
    public Builder postgres(DataSource dataSource) {
      this.postgres = Objects.requireNonNull(dataSource, "dataSource");
      this.sqliteFile = null;
      return this;
    }

    /** The master key that wraps the data keys. Required. */
    public Builder masterKey(MasterKey masterKey) {
      this.masterKey = Objects.requireNonNull(masterKey, "masterKey");
      return this;
    }

    /** The clock for receipt times and audit events; the system UTC clock by default. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Where reveal audit events go; {@link AuditSink#logging()} (SLF4J, names only) by default.
     */
    public Builder auditSink(AuditSink auditSink) {
      this.auditSink = Objects.requireNonNull(auditSink, "auditSink");
      return this;
    }

    /**
     * Opens the database, creates or migrates its schema, and opens or creates its data keyring.
     *
     * @throws IllegalStateException if no database or no master key was given
     * @throws StoreException if the database cannot be used
     * @throws dev.hookguard.runtime.crypto.KeyException if the master key cannot unwrap the keyring
     */
    public HookGuard build() {
      if (masterKey == null) {
        throw new IllegalStateException("a master key is required: call masterKey(...)");
      }
      if (sqliteFile == null && postgres == null) {
        throw new IllegalStateException("a database is required: call sqlite(...) or postgres(...)");
      }
      Database database =
          sqliteFile != null ? Database.sqlite(sqliteFile) : Database.postgres(postgres);
      try {
        Migrations.migrate(database, clock);
        KeyRing keyRing = KeyRing.open(database, masterKey, clock);
        return new HookGuard(database, keyRing, clock, auditSink);
      } catch (RuntimeException e) {
        try {
          database.close();
        } catch (RuntimeException suppressed) {
          e.addSuppressed(suppressed);
        }
        throw e;
      }
    }
  }
}
