package dev.hookguard.runtime.signature;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookguard.runtime.HookGuard;
import dev.hookguard.runtime.audit.TestDatabase;
import dev.hookguard.runtime.signature.WebhookVerificationException.Reason;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The shared replay guard on a SQLite file (two instances on one file, several threads). */
class SqliteReplayGuardTest extends SharedReplayGuardContract {

  @Override
  TestDatabase newDatabase(Path directory) {
    return TestDatabase.sqlite(directory);
  }

  @Test
  void aGuardWhoseDatabaseIsGoneFailsClosedWithRetryLater() {
    HookGuard closed = database.builder().clock(clock).build();
    ReplayGuard orphan = closed.replayGuard(WINDOW);
    closed.close();

    assertThat(reasonOf(orphan, "msg_1")).isEqualTo(Reason.REPLAY_GUARD_FULL);
  }
}
