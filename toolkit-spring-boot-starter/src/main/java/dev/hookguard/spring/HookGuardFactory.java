package dev.hookguard.spring;

import com.google.crypto.tink.KmsClient;
import dev.hookguard.runtime.HookGuard;
import dev.hookguard.runtime.audit.AuditSink;
import dev.hookguard.runtime.crypto.MasterKey;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/** Builds the {@link HookGuard} bean from {@code hookguard.*} and the application's beans. */
final class HookGuardFactory {

  private HookGuardFactory() {}

  static HookGuard build(
      HookGuardProperties properties,
      @Nullable DataSource dataSource,
      Clock clock,
      List<AuditSink> auditSinks,
      @Nullable MasterKey masterKeyBean,
      @Nullable KmsClient kmsClient) {
    HookGuard.Builder builder = HookGuard.builder().clock(clock);
    HookGuardProperties.Storage storage = properties.storage();
    boolean sqlite = storage.type() == HookGuardProperties.StorageType.SQLITE;
    if (sqlite) {
      Path path = storage.sqlite().path();
      if (path == null) {
        throw new HookGuardConfigurationException(
            "HookGuard stores on SQLite (hookguard.storage.type=sqlite, the default), and no"
                + " database file is named.",
            "Set hookguard.storage.sqlite.path to a file (created if absent), or set"
                + " hookguard.storage.type=postgres to store through the application's DataSource.");
      }
      builder.sqlite(path);
      if (storage.sqlite().retentionKeyFile() != null) {
        builder.retentionKeyFile(storage.sqlite().retentionKeyFile());
      }
      if (storage.postgres().retentionKeysSchema() != null) {
        throw new HookGuardConfigurationException(
            "hookguard.storage.postgres.retention-keys-schema is set, and HookGuard stores on SQLite.",
            "Remove it, or use hookguard.storage.sqlite.retention-key-file for a separate key file.");
      }
    } else {
      if (dataSource == null) {
        throw new HookGuardConfigurationException(
            "HookGuard stores on PostgreSQL (hookguard.storage.type=postgres) through the"
                + " application's DataSource, and there is no single DataSource bean.",
            "Set spring.datasource.url (with the org.postgresql:postgresql driver on the class"
                + " path), or define one DataSource bean (or mark one @Primary).");
      }
      builder.postgres(dataSource);
      if (storage.postgres().retentionKeysSchema() != null) {
        builder.retentionKeys(dataSource, storage.postgres().retentionKeysSchema());
      }
      if (storage.sqlite().path() != null || storage.sqlite().retentionKeyFile() != null) {
        throw new HookGuardConfigurationException(
            "hookguard.storage.sqlite.* is set, and HookGuard stores on PostgreSQL.",
            "Remove hookguard.storage.sqlite.*, or set hookguard.storage.type=sqlite.");
      }
    }
    masterKey(builder, properties.masterKey(), sqlite, masterKeyBean, kmsClient);
    List<AuditSink> sinks = new ArrayList<>(auditSinks);
    if (properties.audit().log()) {
      sinks.add(AuditSink.logging());
    }
    if (sinks.size() == 1) {
      builder.auditSink(sinks.get(0));
    } else if (sinks.size() > 1) {
      List<AuditSink> all = List.copyOf(sinks);
      builder.auditSink(event -> all.forEach(sink -> sink.record(event)));
    }
    return builder.build();
  }

  private static void masterKey(
      HookGuard.Builder builder,
      HookGuardProperties.MasterKey settings,
      boolean sqlite,
      @Nullable MasterKey masterKeyBean,
      @Nullable KmsClient kmsClient) {
    List<String> chosen = new ArrayList<>();
    if (masterKeyBean != null) {
      chosen.add("a MasterKey bean");
    }
    if (hasText(settings.env())) {
      chosen.add("hookguard.master-key.env");
    }
    if (hasText(settings.kmsUri())) {
      chosen.add("hookguard.master-key.kms-uri");
    }
    if (settings.development()) {
      chosen.add("hookguard.master-key.development");
    }
    if (chosen.isEmpty()) {
      throw new HookGuardConfigurationException(
          "HookGuard has no master key: it wraps every data key, and nothing says where it is.",
          "Set hookguard.master-key.env=HOOKGUARD_MASTER_KEY (an environment variable holding"
              + " the base64 of 32 random bytes, such as `openssl rand -base64 32` prints), or"
              + " hookguard.master-key.kms-uri with a Tink KmsClient bean, or define a MasterKey"
              + " bean. For local development only, hookguard.master-key.development=true keeps"
              + " a key in a file beside the SQLite database.");
    }
    if (chosen.size() > 1) {
      throw new HookGuardConfigurationException(
          "HookGuard's master key is given more than once: " + String.join(", ", chosen) + ".",
          "Keep exactly one source of the master key.");
    }
    if (masterKeyBean != null) {
      builder.masterKey(masterKeyBean);
    } else if (hasText(settings.env())) {
      builder.masterKey(MasterKey.fromEnv(settings.env().strip()));
    } else if (hasText(settings.kmsUri())) {
      if (kmsClient == null) {
        throw new HookGuardConfigurationException(
            "hookguard.master-key.kms-uri is set, and there is no single"
                + " com.google.crypto.tink.KmsClient bean to reach that KMS.",
            "Define a KmsClient bean (such as Tink's GcpKmsClient or AwsKmsClient) that supports"
                + " the URI.");
      }
      builder.masterKey(MasterKey.kms(kmsClient, settings.kmsUri().strip()));
    } else {
      if (!sqlite) {
        throw new HookGuardConfigurationException(
            "hookguard.master-key.development=true keeps the key in a file beside a SQLite"
                + " database, and HookGuard stores on PostgreSQL.",
            "Set hookguard.master-key.env or hookguard.master-key.kms-uri instead.");
      }
      builder.developmentMasterKey();
    }
  }

  private static boolean hasText(@Nullable String value) {
    return value != null && !value.isBlank();
  }
}
