package dev.hookguard.readme.subjects;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookguard.api.Sensitive.Category;
import dev.hookguard.runtime.HookGuard;
import dev.hookguard.runtime.crypto.MasterKey;
import dev.hookguard.runtime.store.Accessor;
import dev.hookguard.runtime.subject.SubjectRecord;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's data-subject example, run on a SQLite file with its generated store. */
class SubjectRequestsTest {

  @TempDir
  Path work;

  @Test
  void findExportAndEraseAdaAsTheReadmeShows() {
    try (HookGuard hookGuard = HookGuard.builder()
        .sqlite(work.resolve("hookguard.db"))
        .masterKey(MasterKey.localFile(work.resolve("master.key")))
        .build()) {
      SubscriberStore store = SubscriberStore.create(hookGuard);
      store.put("s1", new Subscriber("s1", "Ada@Example.com", "Ada Lovelace", List.of()));
      store.put("s2", new Subscriber("s2", "bob@example.com", "Bob",
          List.of(new Subscriber.Referral("ada@example.com"))));
      store.put("s3", new Subscriber("s3", "carol@example.com", "Carol", List.of()));

      SubjectRequests.Answers answers = SubjectRequests.run(
          hookGuard, Accessor.of("dpo", Category.CONTACT, Category.PERSONAL));

      assertThat(answers.held()).extracting(SubjectRecord::id).containsExactly("s1", "s2");
      assertThat(answers.document()).contains("Ada Lovelace", "\"Bob\"").doesNotContain("Carol");
      assertThat(answers.erased().recordsErased()).isEqualTo(2);
      assertThat(store.find("s1")).isEmpty();
      assertThat(store.find("s2")).isEmpty();
      assertThat(store.find("s3")).isPresent();
      assertThat(hookGuard.subjects().find("carol@example.com")).hasSize(1);
    }
  }
}
