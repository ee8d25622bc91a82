package dev.hookguard.runtime.crypto;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.KmsClient;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.AesGcmKey;
import com.google.crypto.tink.aead.AesGcmParameters;
import com.google.crypto.tink.util.SecretBytes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The key-encryption key (KEK) that wraps every data keyset of a store. Data keys are only ever
 * written wrapped by it; whoever holds the master key and a copy of the database can read the
 * data, so keep it apart from the database.
 *
 * <ul>
 *   <li>{@link #kms(KmsClient, String)}: a key that never leaves a cloud KMS (production).
 *   <li>{@link #fromEnv(String)}: 32 random bytes, base64, in an environment variable (for
 *       example injected from a secret manager).
 *   <li>{@link #fromBase64(String)} and {@link #fromBytes(byte[])}: the same key handed over in
 *       code, as a secret manager's client returns it.
 *   <li>{@link #localFile(Path)}: <b>DEVELOPMENT ONLY</b>, a key file next to the data.
 * </ul>
 *
 * <p>The master key is asked for its {@link Aead} when a {@code HookGuard} opens and when keys are
 * rotated, never per record. {@link #toString()} names the source, never the key.
 */
public final class MasterKey {

  private static final Logger LOG = LoggerFactory.getLogger(MasterKey.class);
  private static final int KEY_BYTES = 32;
  private static final Set<PosixFilePermission> OWNER_ONLY =
      EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

  /** Produces the AEAD; called at most once per {@code MasterKey} (the result is kept). */
  @FunctionalInterface
  private interface Source {
    Aead open() throws GeneralSecurityException;
  }

  private final String description;
  private final Source source;
  private Aead aead;

  private MasterKey(String description, Source source) {
    this.description = description;
    this.source = source;
  }

  /**
   * The master key held in environment variable {@code name}: the base64 encoding of 32 random
   * bytes (for example {@code openssl rand -base64 32}). Read when first used.
   */
  public static MasterKey fromEnv(String name) {
    return fromEnv(name, System::getenv);
  }

  /** {@link #fromEnv(String)} reading variables through {@code environment} (for tests). */
  static MasterKey fromEnv(String name, UnaryOperator<String> environment) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(environment, "environment");
    return new MasterKey(
        "env:" + name,
        () -> {
          String value = environment.apply(name);
          if (value == null || value.isBlank()) {
            throw new KeyException(
                KeyException.Reason.MASTER_KEY_UNAVAILABLE,
                "environment variable " + name + " is not set");
          }
          return aesGcm(decodeKey(value.strip(), "environment variable " + name));
        });
  }

  /**
   * The master key given as 32 bytes, such as a secret manager's client returns them. The bytes
   * are checked and copied at once: the caller may (and should) wipe {@code key} as soon as this
   * returns. The copy is turned into the wrapping key right away and then zeroed, so this {@code
   * MasterKey} keeps no array of key bytes of its own.
   *
   * @throws KeyException with {@code MASTER_KEY_INVALID} if {@code key} is not 32 bytes long; the
   *     message holds the length, never the bytes
   */
  public static MasterKey fromBytes(byte[] key) {
    Objects.requireNonNull(key, "key");
    byte[] copy = key.clone();
    checkLength(copy, "a master key given as bytes must hold");
    return opened("in-code:bytes", copy);
  }

  /**
   * The master key given as the base64 encoding of 32 bytes, such as a secret manager stores it
   * (read exactly as {@link #fromEnv(String)} reads its variable: standard base64, white space
   * around it ignored). Decoded and checked at once; the decoded bytes are zeroed once the
   * wrapping key is made. A {@code String} cannot be wiped: where the secret manager's client
   * offers bytes, prefer {@link #fromBytes(byte[])}.
   *
   * @throws KeyException with {@code MASTER_KEY_INVALID} if {@code base64} is not base64 or does
   *     not decode to 32 bytes; the message never quotes it
   */
  public static MasterKey fromBase64(String base64) {
    Objects.requireNonNull(base64, "base64");
    return opened("in-code:base64", decodeKey(base64.strip(), "a base64 master key"));
  }

  /**
   * A master key made from {@code keyBytes} now (which are zeroed): handed over in code, a key
   * that is wrong should fail where it is given, not when a store first opens.
   */
  private static MasterKey opened(String description, byte[] keyBytes) {
    Aead aead;
    try {
      aead = aesGcm(keyBytes);
    } catch (GeneralSecurityException e) {
      throw new KeyException(
          KeyException.Reason.MASTER_KEY_INVALID, "cannot make a key of " + description, e);
    }
    return new MasterKey(description, () -> aead);
  }

  /**
   * <b>DEVELOPMENT ONLY.</b> A master key kept in a file, created with 32 random bytes on first
   * use, readable and writable by its owner only. Anyone who can read the file and the database
   * can read every encrypted field, and a key file next to the database protects nothing in a
   * backup that holds both. Use {@link #kms} or {@link #fromEnv} in production. Each use logs a
   * warning saying so.
   *
   * @throws KeyException with {@code INSECURE_KEY_FILE} (when used) if an existing file is
   *     accessible to group or others
   */
  public static MasterKey localFile(Path file) {
    Objects.requireNonNull(file, "file");
    Path absolute = file.toAbsolutePath();
    return new MasterKey(
        "local-file:" + absolute,
        () -> {
          LOG.warn(
              "DEVELOPMENT ONLY: the HookGuard master key is kept in the local file {}. Anyone who"
                  + " can read that file and the database can decrypt every stored field. Use"
                  + " MasterKey.kms(...) or MasterKey.fromEnv(...) in production.",
              absolute);
          return aesGcm(readOrCreate(absolute));
        });
  }

  /**
   * A master key that stays in a cloud KMS: Tink's {@code KmsClient} (for example
   * {@code GcpKmsClient} or {@code AwsKmsClient}) and the key's URI such as {@code
   * gcp-kms://projects/…/cryptoKeys/…}. Keysets are wrapped by remote calls, made only when a
   * {@code HookGuard} opens and when keys rotate.
   */
  public static MasterKey kms(KmsClient client, String keyUri) {
    Objects.requireNonNull(client, "client");
    Objects.requireNonNull(keyUri, "keyUri");
    return new MasterKey(
        "kms:" + keyUri,
        () -> {
          if (!client.doesSupport(keyUri)) {
            throw new KeyException(
                KeyException.Reason.MASTER_KEY_UNAVAILABLE,
                "the KMS client does not support " + keyUri);
          }
          return client.getAead(keyUri);
        });
  }

  /**
   * The AEAD that wraps data keysets, obtained from the source on the first call, then kept. Not
   * public: only the runtime's keyring wraps and unwraps with it (through {@code
   * internal.keys.MasterKeys}); nothing hands the raw key handle to an application.
   *
   * @throws KeyException if the source is unavailable or holds no valid key
   */
  synchronized Aead aead() {
    if (aead == null) {
      try {
        aead = source.open();
      } catch (GeneralSecurityException e) {
        throw new KeyException(
            KeyException.Reason.MASTER_KEY_UNAVAILABLE, "cannot open master key " + description, e);
      }
    }
    return aead;
  }

  /** The source of this key, such as {@code env:HOOKGUARD_MASTER_KEY}; never key material. */
  public String description() {
    return description;
  }

  @Override
  public String toString() {
    return "MasterKey[" + description + "]";
  }

  private static byte[] decodeKey(String base64, String where) {
    byte[] key;
    try {
      key = Base64.getDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      throw new KeyException(KeyException.Reason.MASTER_KEY_INVALID, where + " is not base64");
    }
    checkLength(key, where + " must decode to");
    return key;
  }

  /**
   * Throws unless {@code key} is as long as a master key, zeroing it first; {@code what} begins
   * the message ("… must hold").
   */
  private static void checkLength(byte[] key, String what) {
    if (key.length != KEY_BYTES) {
      int length = key.length;
      Arrays.fill(key, (byte) 0);
      throw new KeyException(
          KeyException.Reason.MASTER_KEY_INVALID,
          what + " " + KEY_BYTES + " bytes, not " + length);
    }
  }

  private static Aead aesGcm(byte[] keyBytes) throws GeneralSecurityException {
    try {
      AeadConfig.register();
      AesGcmParameters parameters =
          AesGcmParameters.builder()
              .setKeySizeBytes(KEY_BYTES)
              .setIvSizeBytes(12)
              .setTagSizeBytes(16)
              .setVariant(AesGcmParameters.Variant.NO_PREFIX)
              .build();
      AesGcmKey key =
          AesGcmKey.builder()
              .setParameters(parameters)
              .setKeyBytes(SecretBytes.copyFrom(keyBytes, InsecureSecretKeyAccess.get()))
              .build();
      return KeysetHandle.newBuilder()
          .addEntry(KeysetHandle.importKey(key).withRandomId().makePrimary())
          .build()
          .getPrimitive(RegistryConfiguration.get(), Aead.class);
    } finally {
      Arrays.fill(keyBytes, (byte) 0);
    }
  }

  private static byte[] readOrCreate(Path file) {
    try {
      if (!Files.exists(file)) {
        create(file);
      }
      checkOwnerOnly(file);
      String text = Files.readString(file, StandardCharsets.US_ASCII);
      return decodeKey(text.strip(), "key file " + file);
    } catch (IOException e) {
      throw new KeyException(
          KeyException.Reason.MASTER_KEY_UNAVAILABLE, "cannot read or create key file " + file, e);
    }
  }

  /**
   * Writes a fresh key to a private temporary file, then links it into place: the key file
   * appears whole, owner-only from the start, and a concurrent creator loses cleanly.
   */
  private static void create(Path file) throws IOException {
    Path dir = file.getParent() == null ? Path.of(".") : file.getParent();
    Files.createDirectories(dir);
    boolean posix = Files.getFileStore(dir).supportsFileAttributeView("posix");
    Path temp =
        posix
            ? Files.createTempFile(
                dir, ".hookguard-key", ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY))
            : Files.createTempFile(dir, ".hookguard-key", ".tmp");
    byte[] key = new byte[KEY_BYTES];
    try {
      new SecureRandom().nextBytes(key);
      Files.writeString(temp, Base64.getEncoder().encodeToString(key) + "\n");
      try {
        Files.createLink(file, temp);
      } catch (FileAlreadyExistsException raced) {
        // Another process created it first; use theirs.
      } catch (UnsupportedOperationException noHardLinks) {
        try {
          Files.move(temp, file);
        } catch (FileAlreadyExistsException raced) {
          // As above.
        }
      }
    } finally {
      Arrays.fill(key, (byte) 0);
      Files.deleteIfExists(temp);
    }
    if (!posix) {
      LOG.warn("the file system of {} has no POSIX permissions; restrict access to it by hand", file);
    }
  }

  private static void checkOwnerOnly(Path file) throws IOException {
    if (!Files.getFileStore(file).supportsFileAttributeView("posix")) {
      return;
    }
    Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
    if (!OWNER_ONLY.containsAll(permissions)) {
      throw new KeyException(
          KeyException.Reason.INSECURE_KEY_FILE,
          "key file "
              + file
              + " has permissions "
              + PosixFilePermissions.toString(permissions)
              + "; it must be accessible to its owner only (chmod 600)");
    }
  }
}
