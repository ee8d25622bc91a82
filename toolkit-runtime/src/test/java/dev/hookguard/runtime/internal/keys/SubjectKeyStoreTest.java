package dev.hookguard.runtime.internal.keys;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookguard.runtime.crypto.MasterKey;
import dev.hookguard.runtime.internal.jdbc.Database;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Subject keys for sealing, fetched for a batch at once, on a real SQLite key store. */
class SubjectKeyStoreTest {

  @TempDir Path work;

  private RetentionKeyStore keyStore;
  private SubjectKeyStore subjects;

  @BeforeEach
  void open() {
    keyStore = RetentionKeyStore.open(Database.sqlite(work.resolve("keys.db")), true, null,
        MasterKey.localFile(work.resolve("master.key")), Clock.systemUTC());
    subjects = keyStore.subjectKeys();
  }

  @AfterEach
  void close() {
    keyStore.close();
  }

  @Test
  void aBatchGetsOneKeyPerSubjectInTheOrderOfItsTokens() throws Exception {
    byte[] jenny = subjects.token("jenny@example.com");
    byte[] ada = subjects.token("ada@example.com");

    List<SubjectKeyStore.SealingKey> keys = subjects.forSealing(List.of(jenny, ada, jenny.clone()));

    assertThat(keys).hasSize(3);
    assertThat(keys.get(0).id()).isEqualTo(keys.get(2).id()).isNotEqualTo(keys.get(1).id());
    assertThat(keys.get(0).aead()).isSameAs(keys.get(2).aead());
    // The next batch finds the same live keys; the key of one subject opens what it sealed.
    List<SubjectKeyStore.SealingKey> again = subjects.forSealing(List.of(ada, jenny));
    assertThat(again.get(0).id()).isEqualTo(keys.get(1).id());
    assertThat(again.get(1).id()).isEqualTo(keys.get(0).id());
    byte[] sealed = keys.get(1).aead().encrypt("x".getBytes(StandardCharsets.UTF_8), new byte[0]);
    assertThat(subjects.forOpening(again.get(0).id()).orElseThrow().decrypt(sealed, new byte[0]))
        .isEqualTo("x".getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void anErasedSubjectGetsANewKeyWhileTheOthersKeepTheirs() {
    byte[] jenny = subjects.token("jenny@example.com");
    byte[] ada = subjects.token("ada@example.com");
    List<SubjectKeyStore.SealingKey> before = subjects.forSealing(List.of(jenny, ada));

    assertThat(subjects.destroy(jenny)).isEqualTo(1);
    List<SubjectKeyStore.SealingKey> after = subjects.forSealing(List.of(jenny, ada));

    assertThat(after.get(0).id()).isNotEqualTo(before.get(0).id());
    assertThat(after.get(1).id()).isEqualTo(before.get(1).id());
    assertThat(subjects.forOpening(before.get(0).id())).isEmpty();
  }

  /**
   * Finding the key of a person who has one takes no write lock: it is found while another
   * process holds the key file's write lock (a SQLite writer, {@code BEGIN IMMEDIATE}); a new
   * person's key is created once that lock is released.
   */
  @Test
  void aKnownSubjectsKeyIsFoundWhileAnotherProcessHoldsTheWriteLock() throws Exception {
    byte[] jenny = subjects.token("jenny@example.com");
    byte[] ada = subjects.token("ada@example.com");
    byte[] known = subjects.forSealing(List.of(jenny)).get(0).id();
    try (java.sql.Connection other = java.sql.DriverManager.getConnection(
            "jdbc:sqlite:" + work.resolve("keys.db"));
        java.sql.Statement statement = other.createStatement()) {
      statement.execute("BEGIN IMMEDIATE");
      java.util.concurrent.CompletableFuture<List<SubjectKeyStore.SealingKey>> found =
          java.util.concurrent.CompletableFuture.supplyAsync(
              () -> subjects.forSealing(List.of(jenny)));
      assertThat(found.get(5, java.util.concurrent.TimeUnit.SECONDS).get(0).id())
          .isEqualTo(known);

      java.util.concurrent.CompletableFuture<List<SubjectKeyStore.SealingKey>> created =
          java.util.concurrent.CompletableFuture.supplyAsync(
              () -> subjects.forSealing(List.of(ada)));
      Thread.sleep(300);
      assertThat(created).as("a new key waits for the write lock").isNotDone();
      statement.execute("COMMIT");
      assertThat(created.get(30, java.util.concurrent.TimeUnit.SECONDS).get(0).id())
          .isNotEqualTo(known);
    }
  }
}
