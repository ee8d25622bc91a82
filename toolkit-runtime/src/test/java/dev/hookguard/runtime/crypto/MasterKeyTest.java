package dev.hookguard.runtime.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.KmsClient;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where master keys come from, and how each source fails. */
class MasterKeyTest {

  private static final byte[] PLAINTEXT = "keyset bytes".getBytes(StandardCharsets.UTF_8);
  private static final byte[] AD = "ad".getBytes(StandardCharsets.UTF_8);

  @TempDir Path dir;

  @Test
  void localFileIsCreatedOwnerOnlyOnFirstUseAndReusedAfterwards() throws Exception {
    Path file = dir.resolve("nested").resolve("master.key");
    assertThat(file).doesNotExist();

    byte[] sealed = MasterKey.localFile(file).aead().encrypt(PLAINTEXT, AD);

    assertThat(file).exists();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(MasterKey.localFile(file).aead().decrypt(sealed, AD)).isEqualTo(PLAINTEXT);
    try (var leftovers = Files.list(file.getParent())) {
      assertThat(leftovers).containsExactly(file);
    }
  }

  @Test
  void localFileReadableByOthersIsRefused() throws Exception {
    Path file = dir.resolve("master.key");
    MasterKey.localFile(file).aead();
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

    assertThatThrownBy(() -> MasterKey.localFile(file).aead())
        .isInstanceOf(KeyException.class)
        .satisfies(e -> assertThat(((KeyException) e).reason())
            .isEqualTo(KeyException.Reason.INSECURE_KEY_FILE));
  }

  @Test
  void environmentKeyDecryptsWhatItEncrypted() throws Exception {
    String key = Base64.getEncoder().encodeToString(new byte[32]);
    Map<String, String> env = Map.of("HG_KEY", key);

    byte[] sealed = MasterKey.fromEnv("HG_KEY", env::get).aead().encrypt(PLAINTEXT, AD);

    assertThat(MasterKey.fromEnv("HG_KEY", env::get).aead().decrypt(sealed, AD)).isEqualTo(PLAINTEXT);
  }

  @Test
  void environmentKeyMustBeSetAnd32BytesOfBase64() {
    assertThatThrownBy(() -> MasterKey.fromEnv("HG_UNSET", name -> null).aead())
        .isInstanceOf(KeyException.class)
        .hasMessageContaining("HG_UNSET")
        .satisfies(e -> assertThat(((KeyException) e).reason())
            .isEqualTo(KeyException.Reason.MASTER_KEY_UNAVAILABLE));
    assertThatThrownBy(() -> MasterKey.fromEnv("HG_KEY", name -> "not base64 !!").aead())
        .isInstanceOf(KeyException.class)
        .hasMessageNotContaining("not base64 !!")
        .satisfies(e -> assertThat(((KeyException) e).reason())
            .isEqualTo(KeyException.Reason.MASTER_KEY_INVALID));
    String shortKey = Base64.getEncoder().encodeToString(new byte[16]);
    assertThatThrownBy(() -> MasterKey.fromEnv("HG_KEY", name -> shortKey).aead())
        .isInstanceOf(KeyException.class)
        .hasMessageNotContaining(shortKey);
  }

  @Test
  void kmsKeyIsObtainedFromTheClientOnceAndUsedThroughTink() throws Exception {
    AeadConfig.register();
    Aead remote =
        KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM)
            .getPrimitive(RegistryConfiguration.get(), Aead.class);
    int[] calls = {0};
    KmsClient client =
        new KmsClient() {
          @Override
          public boolean doesSupport(String keyUri) {
            return keyUri.startsWith("fake-kms://");
          }

          @Override
          public KmsClient withCredentials(String credentialPath) {
            return this;
          }

          @Override
          public KmsClient withDefaultCredentials() {
            return this;
          }

          @Override
          public Aead getAead(String keyUri) {
            calls[0]++;
            return remote;
          }
        };
    MasterKey key = MasterKey.kms(client, "fake-kms://keys/hookguard");

    byte[] sealed = key.aead().encrypt(PLAINTEXT, AD);
    key.aead().decrypt(sealed, AD);

    assertThat(remote.decrypt(sealed, AD)).isEqualTo(PLAINTEXT);
    assertThat(calls[0]).isEqualTo(1);
    assertThatThrownBy(() -> MasterKey.kms(client, "other://key").aead())
        .isInstanceOf(KeyException.class)
        .hasMessageContaining("other://key");
  }

  @Test
  void toStringNamesTheSourceNeverTheKey() throws GeneralSecurityException {
    String key = Base64.getEncoder().encodeToString(new byte[32]);
    MasterKey fromEnv = MasterKey.fromEnv("HG_KEY", name -> key);
    fromEnv.aead();

    assertThat(fromEnv.toString()).isEqualTo("MasterKey[env:HG_KEY]").doesNotContain(key);
    assertThat(MasterKey.localFile(dir.resolve("k")).description()).startsWith("local-file:");
  }
}
