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
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
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
  void keyGivenInCodeAsBytesOrBase64IsTheKeyOfTheSameBase64InTheEnvironment() throws Exception {
    byte[] key = keyBytes();
    String base64 = Base64.getEncoder().encodeToString(key);

    byte[] sealed = MasterKey.fromBytes(key).aead().encrypt(PLAINTEXT, AD);

    assertThat(MasterKey.fromBase64(base64).aead().decrypt(sealed, AD)).isEqualTo(PLAINTEXT);
    assertThat(MasterKey.fromBase64(" " + base64 + "\n").aead().decrypt(sealed, AD))
        .as("white space around it, as a secret manager or a file may add, is ignored")
        .isEqualTo(PLAINTEXT);
    Map<String, String> env = Map.of("HG_KEY", base64);
    assertThat(MasterKey.fromEnv("HG_KEY", env::get).aead().decrypt(sealed, AD))
        .isEqualTo(PLAINTEXT);
  }

  @Test
  void bytesAreCopiedInSoTheCallerCanWipeItsArray() throws Exception {
    byte[] key = keyBytes();
    byte[] sealed = MasterKey.fromBytes(keyBytes()).aead().encrypt(PLAINTEXT, AD);

    MasterKey fromBytes = MasterKey.fromBytes(key);
    Arrays.fill(key, (byte) 0);

    assertThat(fromBytes.aead().decrypt(sealed, AD)).isEqualTo(PLAINTEXT);
    assertThat(key).as("the caller's array is the caller's: left as it was given")
        .containsOnly((byte) 0);
  }

  @Test
  void bytesOfAnotherLengthAreRefusedAtOnceWithoutQuotingThem() {
    for (int length : new int[] {0, 16, 31, 33, 64}) {
      byte[] key = Arrays.copyOf(keyBytes(), length);
      Arrays.fill(key, Math.min(length, 32), length, (byte) 0x5a);
      String hex = HexFormat.of().formatHex(key);
      String base64 = Base64.getEncoder().encodeToString(key);

      assertThatThrownBy(() -> MasterKey.fromBytes(key))
          .as("%d bytes", length)
          .isInstanceOf(KeyException.class)
          .hasMessageContaining("32 bytes, not " + length)
          .satisfies(e -> assertNoKeyMaterial(e, hex, base64))
          .satisfies(e -> assertThat(((KeyException) e).reason())
              .isEqualTo(KeyException.Reason.MASTER_KEY_INVALID));
      assertThatThrownBy(() -> MasterKey.fromBase64(base64))
          .as("%d bytes, base64", length)
          .isInstanceOf(KeyException.class)
          .hasMessageContaining("32 bytes, not " + length)
          .satisfies(e -> assertNoKeyMaterial(e, hex, base64))
          .satisfies(e -> assertThat(((KeyException) e).reason())
              .isEqualTo(KeyException.Reason.MASTER_KEY_INVALID));
    }
  }

  @Test
  void textThatIsNotBase64IsRefusedWithoutQuotingIt() {
    String almost = Base64.getEncoder().encodeToString(keyBytes()).replace('A', '-') + "*";

    for (String text : List.of(almost, "s3cr3t passw0rd!", "====", "")) {
      assertThatThrownBy(() -> MasterKey.fromBase64(text))
          .as("'%s'", text)
          .isInstanceOf(KeyException.class)
          .satisfies(e -> assertThat(((KeyException) e).reason())
              .isEqualTo(KeyException.Reason.MASTER_KEY_INVALID))
          .satisfies(e -> assertNoKeyMaterial(e, text, text.substring(0, text.length() / 2)));
    }
    assertThatThrownBy(() -> MasterKey.fromBase64(almost)).hasMessageContaining("not base64");
  }

  @Test
  void aKeyGivenInCodeNamesOnlyHowItWasGiven() throws Exception {
    byte[] key = keyBytes();
    String base64 = Base64.getEncoder().encodeToString(key);
    String hex = HexFormat.of().formatHex(key);
    MasterKey fromBytes = MasterKey.fromBytes(key);
    MasterKey fromBase64 = MasterKey.fromBase64(base64);
    fromBytes.aead();
    fromBase64.aead();

    assertThat(fromBytes.description()).isEqualTo("in-code:bytes");
    assertThat(fromBytes.toString()).isEqualTo("MasterKey[in-code:bytes]");
    assertThat(fromBase64.description()).isEqualTo("in-code:base64");
    assertThat(fromBase64.toString()).isEqualTo("MasterKey[in-code:base64]");
    for (MasterKey each : List.of(fromBytes, fromBase64)) {
      assertThat(each.toString() + each.description())
          .doesNotContain(base64)
          .doesNotContain(base64.substring(0, 8))
          .doesNotContainIgnoringCase(hex.substring(0, 8));
    }
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

  /** 32 bytes that are all different from zero (so no message may show them as zeros). */
  private static byte[] keyBytes() {
    byte[] key = new byte[32];
    for (int i = 0; i < key.length; i++) {
      key[i] = (byte) (0xa0 + i);
    }
    return key;
  }

  private static void assertNoKeyMaterial(Throwable e, String... forms) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      for (String form : forms) {
        if (form.isEmpty()) {
          continue;
        }
        assertThat(String.valueOf(t.getMessage()))
            .as("message of %s", t.getClass().getName())
            .doesNotContainIgnoringCase(form);
      }
    }
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
