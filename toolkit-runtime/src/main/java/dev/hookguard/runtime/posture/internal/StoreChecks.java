package dev.hookguard.runtime.posture.internal;

import dev.hookguard.runtime.audit.AuditCheckpoint;
import dev.hookguard.runtime.audit.AuditEntry;
import dev.hookguard.runtime.audit.AuditVerification;
import dev.hookguard.runtime.posture.Finding;
import dev.hookguard.runtime.posture.PosturePolicy;
import dev.hookguard.runtime.posture.Severity;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The checks of the store itself: retention sweeps, data key age, where the master key is kept,
 * SQLite file permissions, the audit trail and its exported checkpoint.
 */
final class StoreChecks {

  private static final String LOCAL_FILE = "local-file:";

  private final StoreSetup store;
  private final PosturePolicy policy;
  private final Instant now;

  StoreChecks(StoreSetup store, PosturePolicy policy) {
    this.store = store;
    this.policy = policy;
    this.now = store.clock().instant();
  }

  List<Finding> check() {
    List<Finding> findings = new ArrayList<>();
    sweeps(findings);
    keys(findings);
    masterKey(findings);
    keyStore(findings);
    findings.addAll(FileChecks.check(files()));
    audit(findings);
    erasures(findings);
    return findings;
  }

  /**
   * Erasures of data subjects that were started and did not finish (hg_subject_erasures): a person
   * whose keys may be destroyed while records about them are still stored, audited as erased only
   * in part. One that moved within the last {@link #ERASURE_GRACE} may still be running.
   */
  private void erasures(List<Finding> findings) {
    long stale = now.minus(ERASURE_GRACE).toEpochMilli();
    record Unfinished(long count, long oldest) {}
    Unfinished unfinished = store.database().inTransaction("reading the erasure journal",
        connection -> {
          try (PreparedStatement select = connection.prepareStatement(
              "SELECT COUNT(*), MIN(requested_at) FROM hg_subject_erasures"
                  + " WHERE finished_at IS NULL AND heartbeat_at < ?")) {
            select.setLong(1, stale);
            try (ResultSet rows = select.executeQuery()) {
              rows.next();
              return new Unfinished(rows.getLong(1), rows.getLong(2));
            }
          }
        });
    if (unfinished.count() > 0) {
      findings.add(new Finding("subjects.erasure-unfinished", Severity.HIGH, "data subjects",
          unfinished.count() + " erasure(s) of a data subject, the oldest requested "
              + Durations.text(Duration.between(Instant.ofEpochMilli(unfinished.oldest()), now))
              + " ago, stopped before the end: records about the person may still be stored.",
          "Finish them: hookGuard.subjects().resumeErasures() (or 'hookguard subject erase'"
              + " again), and run it at start-up."));
    }
  }

  /** How long an unfinished erasure may go without progress before it counts as stopped. */
  static final Duration ERASURE_GRACE = Duration.ofMinutes(10);

  /** When did the last sweep finish (hg_retention_sweeps), and is there anything to sweep? */
  private void sweeps(List<Finding> findings) {
    record Sweeps(Optional<Instant> lastFinished, boolean expiring) {}
    Sweeps sweeps = store.database().inTransaction("reading the sweep journal", connection -> {
      Optional<Instant> last = Optional.empty();
      try (PreparedStatement select = connection.prepareStatement(
              "SELECT MAX(finished_at) FROM hg_retention_sweeps");
          ResultSet rows = select.executeQuery()) {
        if (rows.next()) {
          long millis = rows.getLong(1);
          if (!rows.wasNull()) {
            last = Optional.of(Instant.ofEpochMilli(millis));
          }
        }
      }
      boolean expiring = false;
      for (String table : List.of("hg_records", "hg_fields")) {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT COUNT(*) FROM (SELECT 1 FROM " + table
                    + " WHERE expires_at IS NOT NULL LIMIT 1) AS one");
            ResultSet rows = select.executeQuery()) {
          expiring |= rows.next() && rows.getLong(1) > 0;
        }
      }
      return new Sweeps(last, expiring);
    });
    String fix = "Schedule hookGuard.retention().sweep() at least daily (a ScheduledExecutorService"
        + " or a cron job running 'hookguard sweep').";
    if (sweeps.lastFinished().isEmpty()) {
      if (sweeps.expiring()) {
        findings.add(new Finding("sweep.overdue", Severity.HIGH, "retention sweeps",
            "The store holds records that expire, and no retention sweep has ever finished:"
                + " expired data is hidden from reads but its keys and rows are not destroyed.",
            fix));
      } else {
        findings.add(new Finding("sweep.never-run", Severity.LOW, "retention sweeps",
            "No retention sweep has ever finished (nothing has expired yet).", fix));
      }
      return;
    }
    Duration age = Duration.between(sweeps.lastFinished().get(), now);
    if (age.compareTo(policy.maxSweepAge()) > 0) {
      findings.add(new Finding("sweep.overdue", Severity.HIGH, "retention sweeps",
          "The last retention sweep finished " + Durations.text(age) + " ago, more than the "
              + Durations.text(policy.maxSweepAge()) + " of the policy: expired data waits to"
              + " be destroyed.",
          fix));
    }
  }

  /** The keyring row: its generation, and when it last changed (rotation or retirement). */
  private void keys(List<Finding> findings) {
    Optional<long[]> keyring = store.database().inTransaction("reading the keyring's age",
        connection -> {
          try (PreparedStatement select = connection.prepareStatement(
                  "SELECT generation, updated_at FROM hg_keyring");
              ResultSet rows = select.executeQuery()) {
            return rows.next()
                ? Optional.of(new long[] {rows.getLong(1), rows.getLong(2)})
                : Optional.<long[]>empty();
          }
        });
    if (keyring.isEmpty()) {
      return;
    }
    Duration age = Duration.between(Instant.ofEpochMilli(keyring.get()[1]), now);
    if (age.compareTo(policy.keyRotation()) > 0) {
      findings.add(new Finding("keys.rotation-due", Severity.MEDIUM, "data keys",
          "The data keys (generation " + keyring.get()[0] + ") were last rotated or retired "
              + Durations.text(age) + " ago, more than the " + Durations.text(policy.keyRotation())
              + " of the policy.",
          "Rotate them: hookGuard.keys().rotate(), then reencrypt() and destroyRetiredKeys()"
              + " ('hookguard keys rotate|reencrypt|destroy-retired')."));
    }
  }

  /**
   * The key store (day keys, data subjects' keys) must not travel with copies of the record
   * store, or neither retention's crypto-shredding nor erasure reaches backups.
   */
  private void keyStore(List<Finding> findings) {
    String why = " a copy of the record store taken with it keeps the day keys and the data"
        + " subjects' keys, so neither crypto-shredding at expiry nor erasure reaches that copy.";
    switch (store.keyStore()) {
      case RECORD_SCHEMA -> findings.add(new Finding("keys.beside-records", Severity.HIGH,
          "key store",
          "The key store is in the record store's own schema: every dump of the records"
              + " includes it;" + why,
          "Give it a database (or at least a schema) that record-store backups leave out:"
              + " HookGuard.builder().retentionKeys(keyDataSource, \"hookguard_keys\")."));
      case OTHER_SCHEMA_SAME_POOL -> findings.add(new Finding("keys.beside-records",
          Severity.MEDIUM, "key store",
          "The key store is in another schema of the record store's database: a dump of the"
              + " whole database includes it;" + why,
          "Back up the record store's schema only, or give the key store a database of its"
              + " own (retentionKeys(otherDataSource, schema))."));
      case SQLITE_FILE -> store.retentionKeyFile().ifPresent(keys -> {
        Path folder = keys.toAbsolutePath().getParent();
        boolean beside = store.sqliteFile()
            .map(db -> db.toAbsolutePath().getParent())
            .filter(dbFolder -> dbFolder.equals(folder))
            .isPresent();
        if (beside) {
          findings.add(new Finding("keys.beside-records", Severity.LOW, "key store",
              "The key file " + keys.getFileName() + " is in the folder of the database: a"
                  + " backup of the folder rather than of the database file alone takes both;"
                  + why,
              "Back up the database file alone, or move the key file elsewhere:"
                  + " HookGuard.builder().retentionKeyFile(path)."));
        }
      });
      case OWN_POOL -> { }
      default -> throw new AssertionError(store.keyStore());
    }
  }

  /** A development key file: beside the data it protects nothing in a copy of the folder. */
  private void masterKey(List<Finding> findings) {
    Optional<Path> keyFile = masterKeyFile();
    if (keyFile.isEmpty()) {
      return;
    }
    Path folder = keyFile.get().getParent();
    boolean beside = dataFiles().stream().anyMatch(f -> folder != null && folder.equals(f.getParent()));
    if (beside) {
      findings.add(new Finding("masterkey.beside-data", Severity.HIGH, "master key",
          "The master key is a file in the folder of the data it protects ("
              + keyFile.get().getFileName() + "): whoever copies the folder, or a backup of it,"
              + " can decrypt every stored field, and crypto-shredding does not hold.",
          "Give the master key from a KMS (MasterKey.kms) or a secret manager"
              + " (MasterKey.fromEnv(\"HOOKGUARD_MASTER_KEY\")); a key file is for development"
              + " only."));
    } else {
      findings.add(new Finding("masterkey.local-file", Severity.MEDIUM, "master key",
          "The master key is a local file, meant for development only.",
          "Give the master key from a KMS (MasterKey.kms) or a secret manager"
              + " (MasterKey.fromEnv(\"HOOKGUARD_MASTER_KEY\"))."));
    }
  }

  private Optional<Path> masterKeyFile() {
    String description = store.masterKey().description();
    return description.startsWith(LOCAL_FILE)
        ? Optional.of(Path.of(description.substring(LOCAL_FILE.length())).toAbsolutePath())
        : Optional.empty();
  }

  /** The SQLite database and retention key files, absolute. */
  private List<Path> dataFiles() {
    List<Path> files = new ArrayList<>();
    store.sqliteFile().map(Path::toAbsolutePath).ifPresent(files::add);
    store.retentionKeyFile().map(Path::toAbsolutePath).ifPresent(files::add);
    return files;
  }

  /** Every file whose permissions matter: the data files with their WAL and shared memory, the key file. */
  private List<Path> files() {
    List<Path> files = new ArrayList<>();
    for (Path data : dataFiles()) {
      files.add(data);
      files.add(data.resolveSibling(data.getFileName() + "-wal"));
      files.add(data.resolveSibling(data.getFileName() + "-shm"));
    }
    masterKeyFile().ifPresent(files::add);
    return files;
  }

  /** The chain intact (through the exported checkpoint), and nothing uncovered for long. */
  private void audit(List<Finding> findings) {
    Optional<AuditCheckpoint> exported = policy.lastExportedCheckpoint();
    AuditVerification verification =
        exported.map(store.audit()::verify).orElseGet(store.audit()::verify);
    verification.firstBreak().ifPresent(broken -> findings.add(new Finding(
        "audit.broken", Severity.HIGH, "audit trail",
        "The audit trail is broken at sequence " + broken.sequence() + " (" + broken.problem()
            + "): " + broken.detail() + ".",
        "Investigate: compare with the exported checkpoints and the database's backups; the"
            + " entries from that sequence on cannot be trusted.")));
    if (!verification.ok()) {
      return;
    }
    long covered = exported.map(AuditCheckpoint::sequence).orElse(0L);
    List<AuditEntry> firstUncovered = store.audit().page(covered, 1);
    if (firstUncovered.isEmpty()) {
      return;
    }
    Duration age = Duration.between(firstUncovered.get(0).event().time(), now);
    if (age.compareTo(policy.maxCheckpointAge()) > 0) {
      findings.add(new Finding("audit.checkpoint-overdue", Severity.MEDIUM, "audit trail",
          (exported.isEmpty()
                  ? "No exported checkpoint was given"
                  : "The last exported checkpoint is at sequence " + covered)
              + ", and entries appended " + Durations.text(age) + " ago are not covered by one:"
              + " someone able to rewrite the database could rewrite them undetected.",
          "Export the head now ('hookguard audit checkpoint', hookGuard.audit().checkpoint()),"
              + " keep it outside the database, and pass the last one to the audit"
              + " (PosturePolicy.withLastExportedCheckpoint, 'doctor --checkpoint')."));
    }
  }
}
