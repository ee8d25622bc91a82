package dev.hookguard.runtime;

import dev.hookguard.runtime.audit.AuditEvent;
import dev.hookguard.runtime.audit.AuditSink;
import dev.hookguard.runtime.audit.AuditTrail;
import dev.hookguard.runtime.audit.internal.JdbcAuditTrail;
import dev.hookguard.runtime.crypto.KeyManager;
import dev.hookguard.runtime.crypto.MasterKey;
import dev.hookguard.runtime.crypto.internal.JdbcKeyManager;
import dev.hookguard.runtime.generated.PayloadStore;
import dev.hookguard.runtime.generated.PayloadTable;
import dev.hookguard.runtime.generated.StoreSchema;
import dev.hookguard.runtime.generated.TableSource;
import dev.hookguard.runtime.internal.jdbc.Database;
import dev.hookguard.runtime.internal.keys.KeyRing;
import dev.hookguard.runtime.internal.keys.RetentionKeyStore;
import dev.hookguard.runtime.internal.schema.Migrations;
import dev.hookguard.runtime.outbox.Forwarding;
import dev.hookguard.runtime.outbox.Outbox;
import dev.hookguard.runtime.outbox.internal.JdbcOutbox;
import dev.hookguard.runtime.outbox.internal.OutboxRows;
import dev.hookguard.runtime.posture.Posture;
import dev.hookguard.runtime.posture.PosturePolicy;
import dev.hookguard.runtime.posture.internal.PostureAudit;
import dev.hookguard.runtime.posture.internal.StoreSetup;
import dev.hookguard.runtime.receiver.ReceiptStore;
import dev.hookguard.runtime.redact.RedactionContext;
import dev.hookguard.runtime.retention.Retention;
import dev.hookguard.runtime.retention.internal.JdbcRetention;
import dev.hookguard.runtime.signature.ReplayGuard;
import dev.hookguard.runtime.signature.internal.JdbcReplayGuard;
import dev.hookguard.runtime.store.StoreException;
import dev.hookguard.runtime.store.internal.JdbcPayloadTable;
import dev.hookguard.runtime.internal.AuditQueue;
import dev.hookguard.runtime.store.internal.Receipts;
import dev.hookguard.runtime.subject.Subjects;
import dev.hookguard.runtime.subject.internal.JdbcSubjects;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
public final class HookGuard extends TableSource implements AutoCloseable {

  private final Database database;
  private final KeyRing keyRing;
  private final Clock clock;
  private final AuditSink auditSink;
  private final KeyManager keyManager;
  private final RetentionKeyStore retentionKeys;
  private final Retention retention;
  private final JdbcAuditTrail auditTrail;
  private final AuditSink extraAuditSink;
  private final Receipts receipts;
  private final JdbcOutbox outbox;
  private final ScheduledExecutorService chainer;
  private final StoreSetup setup;
  private final ConcurrentMap<String, StoreSchema> schemas = new ConcurrentHashMap<>();
  private final Subjects subjects;

  /** How often queued audit entries are chained: the most a receipt's entry waits. */
  static final Duration CHAIN_INTERVAL = Duration.ofMillis(100);

  private static final Logger LOG = LoggerFactory.getLogger("dev.hookguard.audit");

  private HookGuard(
      Database database,
      KeyRing keyRing,
      Clock clock,
      AuditSink auditSink,
      RetentionKeyStore retentionKeys,
      MasterKey masterKey,
      Path sqliteFile,
      Path retentionKeyFile,
      StoreSetup.KeyStorePlace keyStorePlace) {
    this.database = database;
    this.retentionKeys = retentionKeys;
    this.keyRing = keyRing;
    this.clock = clock;
    this.auditTrail = new JdbcAuditTrail(database);
    // The trail first: if it cannot append, the reveal fails before any other sink hears of it.
    this.auditSink =
        auditSink == null
            ? auditTrail
            : event -> {
              auditTrail.record(event);
              auditSink.record(event);
            };
    this.keyManager = new JdbcKeyManager(database, keyRing, retentionKeys, clock);
    AuditQueue batches = new AuditQueue() {
      @Override
      public void enqueue(Connection connection, List<AuditEvent> events) throws SQLException {
        auditTrail.enqueue(connection, events);
      }

      @Override
      public void committed(List<AuditEvent> events) {
        if (auditSink == null) {
          return;
        }
        for (AuditEvent event : events) {
          try {
            auditSink.record(event);
          } catch (RuntimeException e) {
            // The entry is in the trail, committed with its work; only the extra copy is lost.
            LOG.warn("the audit sink failed on a committed entry ({}): {}", event.kind(),
                e.getClass().getName());
          }
        }
      }
    };
    this.retention = new JdbcRetention(database, keyRing, retentionKeys, clock, this.auditSink,
        batches, () -> schemas.values());
    this.extraAuditSink = auditSink;
    this.setup = new StoreSetup(database, java.util.Optional.ofNullable(sqliteFile),
        java.util.Optional.ofNullable(retentionKeyFile), masterKey, clock, auditTrail,
        keyStorePlace);
    this.outbox = new JdbcOutbox(database, clock);
    this.receipts =
        new Receipts(
            database,
            keyRing,
            retentionKeys,
            clock,
            stored -> List.of(
                // The outbox rows of forwarded types, then the audit entries: one transaction.
                OutboxRows.insertOf(
                    stored.stream()
                        .filter(r -> r.forward() != null)
                        .map(r -> new OutboxRows.Row(r.forward().topic(), r.payloadType(),
                            r.messageId(), r.messageId(), r.receivedAt(), r.forward().payloadJson(),
                            r.expiresAt()))
                        .toList()),
                auditTrail.queued(
                    stored.stream()
                        .map(r -> AuditEvent.received(r.receivedAt(), r.payloadType(), r.messageId()))
                        .toList())));
    this.subjects =
        new JdbcSubjects(
            database,
            retentionKeys.subjectKeys(),
            clock,
            batches,
            this.auditSink,
            type -> java.util.Optional.ofNullable(schemas.get(type)),
            this::openTable,
            SUBJECT_BATCH);
    this.chainer =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "hookguard-audit-chain");
              thread.setDaemon(true);
              return thread;
            });
    // At once (what a crash left queued), then a few times a second.
    chainer.scheduleWithFixedDelay(
        this::chainAudit, 0, CHAIN_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void chainAudit() {
    try {
      auditTrail.chainPending();
    } catch (RuntimeException | Error e) {
      // Retried on the next run; nothing queued is lost (the queue is in the database).
      LOG.warn("chaining queued audit entries failed: {}", e.getClass().getName());
    }
  }

  /** Records deleted per transaction by an erasure. */
  static final int SUBJECT_BATCH = 200;

  /**
   * Data-subject requests: find, export and erase what is stored about one person across every
   * payload type, by the value of a {@code @Subject} property. See {@link Subjects}.
   *
   * <pre>{@code
   * List<SubjectRecord> held = hookGuard.subjects().find("ada@example.com");
   * SubjectExport copy = hookGuard.subjects().export("ada@example.com", dpo, "access request 42");
   * ErasureReport erased = hookGuard.subjects().erase("ada@example.com", "erasure request 43");
   * }</pre>
   */
  public Subjects subjects() {
    return subjects;
  }

  /** Starts configuring a {@code HookGuard}. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The table of {@code schema}'s payload type, for generated stores only (through {@link
   * dev.hookguard.runtime.generated.GeneratedStores#table}): its {@code get} decrypts without an
   * access check.
   */
  @Override
  protected PayloadTable openTable(StoreSchema schema) {
    Objects.requireNonNull(schema, "schema");
    StoreSchema known = schemas.putIfAbsent(schema.payloadType(), schema);
    if (known != null && !known.equals(schema)) {
      throw new StoreException(
          StoreException.Reason.INVALID_REQUEST,
          "payload type " + schema.payloadType() + " is already open with a different schema");
    }
    return new JdbcPayloadTable(schema, database, keyRing, retentionKeys, clock, auditSink);
  }

  /**
   * Receipts of the generated store {@code store}'s payload type, for {@link
   * dev.hookguard.runtime.receiver.WebhookReceiver.Builder#receipts}: a verified webhook's message
   * id, record and {@code RECEIVED} audit entry are committed in one transaction, so a crash at any
   * instant leaves all of them or none, and a redelivery of a stored event (same id, same body) is
   * recognised however late it comes. Records are stored under their message id, as {@code
   * XStore.put(messageId, payload)} would, and read back through {@code store}.
   *
   * <p>Concurrent receipts share transactions (group commit): each returns once the transaction
   * holding it is durably committed. The audit entry is queued in that transaction and chained
   * within about {@link #CHAIN_INTERVAL} (and always before {@code audit().verify()}, {@code
   * checkpoint()}, {@code tail(n)}, {@code page} or {@code entries()} read the trail). On
   * PostgreSQL up to two writers commit at once, each on a connection of the application's pool:
   * size it for them, the audit chainer and the application's own use (ten or more).
   *
   * <pre>{@code
   * WebhookReceiver<Order> receiver = WebhookReceiver
   *     .builder(Order.class, OrderVerifier.create(signature)::verify)
   *     .messageIds(signature)
   *     .receipts(hookGuard.receipts(OrderStore.create(hookGuard)))
   *     .build();
   * }</pre>
   */
  public <X> ReceiptStore<X> receipts(PayloadStore<X> store) {
    Objects.requireNonNull(store, "store");
    openTable(store.schema());
    return new ReceiptsOf<>(store, receipts, extraAuditSink, clock, null);
  }

  /**
   * Receipts of {@code store}'s payload type, as {@link #receipts(PayloadStore)}, that are also
   * forwarded: each receipt writes an {@linkplain #outbox() outbox} row with what {@code
   * forwarding} gives of the payload (redacted JSON, never a plaintext {@code @Sensitive} value)
   * in the transaction that stores it, so an event is forwarded exactly when it is kept. A
   * relay then publishes the rows to a broker.
   *
   * <pre>{@code
   * WebhookReceiver<Order> receiver = WebhookReceiver
   *     .builder(Order.class, OrderVerifier.create(signature))
   *     .receipts(hookGuard.receipts(OrderStore.create(hookGuard),
   *         Forwarding.redacted(OrderRedactor.create(hookGuard.redactionContext()))))
   *     .build();
   * }</pre>
   */
  public <X> ReceiptStore<X> receipts(PayloadStore<X> store, Forwarding<X> forwarding) {
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(forwarding, "forwarding");
    openTable(store.schema());
    return new ReceiptsOf<>(store, receipts, extraAuditSink, clock, forwarding);
  }

  /**
   * The transactional outbox in this store's database: the rows that {@linkplain
   * #receipts(PayloadStore, Forwarding) forwarding receipt stores} write, and relays that publish
   * them to a broker. Relays of every instance on one PostgreSQL database share the rows.
   */
  public Outbox outbox() {
    return outbox;
  }

  /**
   * The redaction context of this store: {@code Mask.HASH} pseudonyms keyed by a key derived
   * from the store's PRF keyset, so that every instance on one database, and every restart,
   * shows a value as the same pseudonym (a key rotation starts new ones). Generated stores mask
   * {@code find} results with it.
   */
  public RedactionContext redactionContext() {
    byte[] key = database.inTransaction("deriving the pseudonym key", connection -> {
      try {
        return keyRing.forRead(connection).pseudonymKey();
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("the PRF keyset cannot derive the pseudonym key", e);
      }
    });
    try {
      return RedactionContext.withPseudonymKey(key);
    } finally {
      java.util.Arrays.fill(key, (byte) 0);
    }
  }

  /** Rotation, re-encryption and destruction of the data keys. */
  public KeyManager keys() {
    return keyManager;
  }

  /**
   * Enforcement of {@code @Retain}: {@link Retention#sweep()} destroys passed day keys and deletes
   * expired records and fields; {@link Retention#report()} shows what is kept until when. Reads
   * hide expired data whether or not a sweep has run.
   */
  public Retention retention() {
    return retention;
  }

  /**
   * The tamper-evident audit trail in this store's database: every reveal is appended to it, and
   * {@link AuditTrail#receiptListener()} appends what a receiver answers. {@code
   * audit().verify()} checks the whole chain.
   */
  public AuditTrail audit() {
    return auditTrail;
  }

  /**
   * The posture audit of this store under {@link PosturePolicy#defaults()}: {@code
   * posture().check(receiver, ...)} checks the store and those receivers against the practices
   * (HTTPS, signatures, replay windows, allow-list, rate limits, retention and sweeps, key ages,
   * the master key's place, file permissions, the audit trail) and reports what falls short. It
   * records nothing of its own.
   */
  public Posture posture() {
    return posture(PosturePolicy.defaults());
  }

  /** The posture audit of this store under {@code policy}; see {@link #posture()}. */
  public Posture posture(PosturePolicy policy) {
    return new PostureAudit(setup, Objects.requireNonNull(policy, "policy"));
  }

  /**
   * A replay guard shared through this store's database by every instance that uses it: a message
   * id is accepted once within {@code window}, however many receivers share the database. Time is
   * read from this instance's {@link #clock()}. Same as {@code replayGuard("default", window)}.
   */
  public ReplayGuard replayGuard(Duration window) {
    return replayGuard("default", window);
  }

  /**
   * A replay guard shared through this store's database, see {@link #replayGuard(Duration)}.
   *
   * @param scope keeps apart the ids of senders or receivers that could reuse each other's ids
   *     (such as the provider's or payload type's name); not empty
   * @param window how long an id is remembered; at least twice the signature tolerance
   */
  public ReplayGuard replayGuard(String scope, Duration window) {
    return new JdbcReplayGuard(database, scope, window, clock);
  }

  /**
   * A shared replay guard, see {@link #replayGuard(Duration)}, that holds at most {@code
   * maxEntries} unexpired ids of its scope (the others hold 1,000,000) and then fails closed:
   * {@code REPLAY_GUARD_FULL}, answered 503, until ids expire. Several instances share the bound
   * approximately: each counts the table when it prunes and adds what it records in between.
   */
  public ReplayGuard replayGuard(String scope, Duration window, long maxEntries) {
    return new JdbcReplayGuard(database, scope, window, clock, maxEntries);
  }

  /**
   * The one clock of this store, as given to {@link Builder#clock}: it stamps receipt times and
   * audit events and decides retention, sweeps, key ages and shared replay windows, and a
   * receiver keeping receipts dates its events by it. Give it to what is made apart from the
   * store, so that one clock drives everything: {@code signature.withClock(hookGuard.clock())},
   * {@code RateLimiter.builder().clock(…)}, {@code ReplayGuard.inMemory(…, hookGuard.clock())}.
   */
  public Clock clock() {
    return clock;
  }

  /** Closes the SQLite database; leaves a PostgreSQL {@code DataSource} open. */
  @Override
  public void close() {
    try {
      receipts.close();
      chainer.shutdown();
      try {
        chainer.awaitTermination(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      chainAudit();
      retentionKeys.close();
    } finally {
      database.close();
    }
  }

  @Override
  public String toString() {
    return "HookGuard[" + database + ", " + keyRing + "]";
  }

  /** Options of a {@link HookGuard}. A database is required, and with PostgreSQL a master key. */
  public static final class Builder {

    private Path sqliteFile;
    private DataSource postgres;
    private MasterKey masterKey;
    private Clock clock = Clock.systemUTC();
    private AuditSink auditSink;
    private Path retentionKeyFile;
    private boolean developmentMasterKey;
    private DataSource retentionKeySource;
    private String retentionKeySchema;

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

    /**
     * SQLite: keeps the retention day keys in {@code file} instead of the default {@code
     * <database>.keys} beside the database. Keep it out of the record store's backups (or give
     * its backups a short life): a backup of both together defeats crypto-shredding.
     */
    public Builder retentionKeyFile(Path file) {
      this.retentionKeyFile = Objects.requireNonNull(file, "file");
      return this;
    }

    /**
     * PostgreSQL: keeps the retention day keys in table {@code hg_retention_keys} of {@code
     * schema} (created if absent) of the database behind {@code dataSource}, instead of the
     * default (the record store's own schema and {@code DataSource}). A schema or database that
     * is backed up separately, with a short backup life, keeps backups of the record store
     * shreddable.
     */
    public Builder retentionKeys(DataSource dataSource, String schema) {
      this.retentionKeySource = Objects.requireNonNull(dataSource, "dataSource");
      this.retentionKeySchema = Objects.requireNonNull(schema, "schema");
      return this;
    }

    /**
     * The master key that wraps the data keys, such as {@link MasterKey#fromEnv(String)}, {@link
     * MasterKey#kms}, or {@link MasterKey#fromBytes(byte[])} and {@link MasterKey#fromBase64(String)}
     * for a key fetched from a secret manager in code. Required, unless {@link
     * #developmentMasterKey()} is asked for.
     */
    public Builder masterKey(MasterKey masterKey) {
      this.masterKey = Objects.requireNonNull(masterKey, "masterKey");
      return this;
    }

    /**
     * For local development only, with SQLite: a master key kept in the file {@code
     * <database>.master.key} beside the database (made on first use, owner-only, with a loud
     * warning in the log). Whoever copies the folder holds the database, its day keys and the key
     * that unwraps them: such a copy can be decrypted entirely, and crypto-shredding does not
     * protect against it. Never for production; without this or {@link #masterKey}, {@link
     * #build()} refuses.
     */
    public Builder developmentMasterKey() {
      this.developmentMasterKey = true;
      return this;
    }

    /**
     * The clock for everything the store does with time (receipt times, audit events, retention
     * at read time and in sweeps, day keys, key ages, shared replay guards); the system UTC clock
     * by default. See {@link HookGuard#clock()} for what takes it from there.
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Also sends every audit event to {@code auditSink}, such as {@link AuditSink#logging()}
     * (SLF4J, names only), once the {@linkplain HookGuard#audit() audit trail} has appended it.
     * Events always go to the trail; by default to nothing else.
     */
    public Builder auditSink(AuditSink auditSink) {
      this.auditSink = Objects.requireNonNull(auditSink, "auditSink");
      return this;
    }

    /**
     * Opens the database, creates or migrates its schema, and opens or creates its data keyring.
     *
     * @throws IllegalStateException if no database or no master key (nor {@link #developmentMasterKey()}) was given
     * @throws StoreException if the database cannot be used
     * @throws dev.hookguard.runtime.crypto.KeyException if the master key cannot unwrap the keyring
     */
    public HookGuard build() {
      if (sqliteFile == null && postgres == null) {
        throw new IllegalStateException("a database is required: call sqlite(...) or postgres(...)");
      }
      if (developmentMasterKey && masterKey != null) {
        throw new IllegalStateException(
            "masterKey(...) and developmentMasterKey() exclude each other: keep masterKey(...)");
      }
      if (developmentMasterKey) {
        if (sqliteFile == null) {
          throw new IllegalStateException(
              "developmentMasterKey() is for SQLite; with PostgreSQL call masterKey(...)");
        }
        masterKey = MasterKey.localFile(
            sqliteFile.resolveSibling(sqliteFile.getFileName() + ".master.key"));
      }
      if (masterKey == null && postgres != null) {
        throw new IllegalStateException("a master key is required with PostgreSQL: call masterKey(...)");
      }
      if (masterKey == null) {
        throw new IllegalStateException(
            "a master key is required: call masterKey(MasterKey.fromEnv(\"HOOKGUARD_MASTER_KEY\"))"
                + " or masterKey(MasterKey.kms(...)); for local development only,"
                + " developmentMasterKey() keeps one in a file beside the SQLite database");
      }
      if (sqliteFile != null && retentionKeySource != null) {
        throw new IllegalStateException(
            "retentionKeys(DataSource, schema) is for PostgreSQL; with SQLite use retentionKeyFile(...)");
      }
      if (postgres != null && retentionKeyFile != null) {
        throw new IllegalStateException(
            "retentionKeyFile(...) is for SQLite; with PostgreSQL use retentionKeys(DataSource, schema)");
      }
      Database database =
          sqliteFile != null ? Database.sqlite(sqliteFile) : Database.postgres(postgres);
      try {
        Migrations.migrate(database, clock);
        KeyRing keyRing = KeyRing.open(database, masterKey, clock);
        return new HookGuard(database, keyRing, clock, auditSink, openRetentionKeys(database),
            masterKey, sqliteFile, sqliteFile == null ? null : retentionKeyFile(),
            keyStorePlace());
      } catch (RuntimeException e) {
        try {
          database.close();
        } catch (RuntimeException suppressed) {
          e.addSuppressed(suppressed);
        }
        throw e;
      }
    }

    /** SQLite: the file of the retention day keys, given or beside the database. */
    private StoreSetup.KeyStorePlace keyStorePlace() {
      if (sqliteFile != null) {
        return StoreSetup.KeyStorePlace.SQLITE_FILE;
      }
      if (retentionKeySource == null
          || (retentionKeySource == postgres && retentionKeySchema == null)) {
        return StoreSetup.KeyStorePlace.RECORD_SCHEMA;
      }
      return retentionKeySource == postgres
          ? StoreSetup.KeyStorePlace.OTHER_SCHEMA_SAME_POOL
          : StoreSetup.KeyStorePlace.OWN_POOL;
    }

    private Path retentionKeyFile() {
      return retentionKeyFile != null
          ? retentionKeyFile
          : sqliteFile.resolveSibling(sqliteFile.getFileName() + ".keys");
    }

    private RetentionKeyStore openRetentionKeys(Database database) {
      if (sqliteFile != null) {
        Path file = retentionKeyFile();
        Database keyDatabase = Database.sqlite(file);
        try {
          return RetentionKeyStore.open(keyDatabase, true, null, masterKey, clock);
        } catch (RuntimeException e) {
          keyDatabase.close();
          throw e;
        }
      }
      if (retentionKeySource != null) {
        return RetentionKeyStore.open(
            Database.postgres(retentionKeySource), false, retentionKeySchema, masterKey, clock);
      }
      return RetentionKeyStore.open(database, false, null, masterKey, clock);
    }
  }
}
