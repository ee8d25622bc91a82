package dev.hookguard.samples.cli;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.hookguard.runtime.HookGuard;
import dev.hookguard.runtime.crypto.MasterKey;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The sample program's working folder (default {@code .hookguard}): the SQLite database, the
 * development master key, the webhook signing secrets and a self-signed TLS certificate, each
 * made on first use and readable by the owner only. Everything here is for development: in
 * production the master key comes from {@code HOOKGUARD_MASTER_KEY} or a KMS, and secrets from
 * the providers' dashboards.
 */
final class Workspace {

  private static final String MASTER_KEY_ENV = "HOOKGUARD_MASTER_KEY";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Path directory;

  Workspace(Path directory) {
    this.directory = directory;
    try {
      Files.createDirectories(directory);
      ownerOnly(directory, "rwx------");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + directory, e);
    }
  }

  Path directory() {
    return directory;
  }

  Path database() {
    return directory.resolve("hookguard.db");
  }

  /** {@code HOOKGUARD_MASTER_KEY} when set, else the development key file in this folder. */
  MasterKey masterKey() {
    return System.getenv(MASTER_KEY_ENV) != null
        ? MasterKey.fromEnv(MASTER_KEY_ENV)
        : MasterKey.localFile(directory.resolve("master.key"));
  }

  /** Opens the store: this folder's SQLite file, or PostgreSQL at {@code postgresUrl}. */
  HookGuard open(String postgresUrl, Clock clock) {
    return openOn(postgresUrl == null ? null : pool(postgresUrl), clock);
  }

  /** Opens the store: this folder's SQLite file, or the PostgreSQL behind {@code postgres}. */
  HookGuard openOn(javax.sql.DataSource postgres, Clock clock) {
    HookGuard.Builder builder = HookGuard.builder().masterKey(masterKey()).clock(clock);
    if (postgres == null) {
      builder.sqlite(database());
    } else {
      builder.postgres(postgres);
    }
    return builder.build();
  }

  /** A pool for the PostgreSQL at {@code postgresUrl}, closed when the program exits. */
  javax.sql.DataSource pool(String postgresUrl) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(postgresUrl);
    // Receipt writers, the audit chainer, an outbox relay, a cluster rate limiter.
    config.setMaximumPoolSize(12);
    config.setPoolName("hookguard-sample");
    return new ClosingDataSource(new HikariDataSource(config));
  }

  /** The signing secrets of the three sample providers, made once and kept in this folder. */
  Secrets secrets() {
    Path file = directory.resolve("secrets.properties");
    Properties secrets = new Properties();
    try {
      if (Files.exists(file)) {
        try (InputStream in = Files.newInputStream(file)) {
          secrets.load(in);
        }
      } else {
        secrets.setProperty("stripe", "whsec_" + java.util.Base64.getEncoder().encodeToString(random(24)));
        secrets.setProperty("github", HexFormat.of().formatHex(random(20)));
        secrets.setProperty("shopify", HexFormat.of().formatHex(random(32)));
        createOwnerOnly(file);
        try (OutputStream out = Files.newOutputStream(file)) {
          secrets.store(out, "HookGuard sample webhook signing secrets (development only)");
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or write " + file, e);
    }
    return new Secrets(secrets.getProperty("stripe"), secrets.getProperty("github"),
        secrets.getProperty("shopify"));
  }

  /** A TLS context with this folder's self-signed certificate for localhost, made with keytool. */
  SSLContext serverTls() {
    try {
      KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keys.init(keyStore(), password());
      SSLContext tls = SSLContext.getInstance("TLS");
      tls.init(keys.getKeyManagers(), null, null);
      return tls;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot set up the development TLS certificate", e);
    }
  }

  /** A TLS context that trusts exactly this folder's development certificate. */
  SSLContext clientTls() {
    try {
      TrustManagerFactory trust =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(keyStore());
      SSLContext tls = SSLContext.getInstance("TLS");
      tls.init(null, trust.getTrustManagers(), null);
      return tls;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot trust the development TLS certificate", e);
    }
  }

  private KeyStore keyStore() throws IOException, GeneralSecurityException {
    Path file = directory.resolve("dev-tls.p12");
    if (!Files.exists(file)) {
      createCertificate(file);
    }
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(file)) {
      store.load(in, password());
    }
    return store;
  }

  private void createCertificate(Path file) throws IOException {
    Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
    Process process = new ProcessBuilder(List.of(keytool.toString(), "-genkeypair",
            "-alias", "hookguard-dev", "-keyalg", "EC", "-groupname", "secp256r1",
            "-dname", "CN=localhost", "-ext", "san=dns:localhost,ip:127.0.0.1,ip:::1",
            "-validity", "90", "-storetype", "PKCS12", "-keystore", file.toString(),
            // The password file, not the password: a command line is visible to every user.
            "-storepass:file", passwordFile().toString(), "-noprompt"))
        .redirectErrorStream(true)
        .start();
    String output = new String(process.getInputStream().readAllBytes());
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IOException("keytool failed: " + output.strip());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while making the TLS certificate", e);
    }
    ownerOnly(file, "rw-------");
  }

  private char[] password() throws IOException {
    return Files.readString(passwordFile()).strip().toCharArray();
  }

  private Path passwordFile() throws IOException {
    Path file = directory.resolve("dev-tls.password");
    if (!Files.exists(file)) {
      createOwnerOnly(file);
      Files.writeString(file, HexFormat.of().formatHex(random(16)));
    }
    return file;
  }

  /** Creates an empty file that only its owner can read, before anything secret is in it. */
  private static void createOwnerOnly(Path file) throws IOException {
    if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      Files.createFile(file, PosixFilePermissions.asFileAttribute(
          PosixFilePermissions.fromString("rw-------")));
    } else {
      Files.createFile(file);
    }
  }

  private static byte[] random(int bytes) {
    byte[] value = new byte[bytes];
    RANDOM.nextBytes(value);
    return value;
  }

  private static void ownerOnly(Path path, String permissions) throws IOException {
    if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
    }
  }
}
