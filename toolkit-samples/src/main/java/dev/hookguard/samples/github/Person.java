package dev.hookguard.samples.github;

import dev.hookguard.api.Encrypt;
import dev.hookguard.api.Sensitive;
import dev.hookguard.api.Sensitive.Category;
import dev.hookguard.api.Sensitive.Mask;
import org.jspecify.annotations.Nullable;

/** A commit author, committer or pusher: a name and an e-mail address, both personal data. */
public record Person(
    @Sensitive(category = Category.PERSONAL, mask = Mask.HASH) @Encrypt @Nullable String name,
    @Sensitive(category = Category.CONTACT, mask = Mask.EMAIL) @Encrypt(deterministic = true)
        @Nullable String email,
    @Nullable String username) {

  @Override
  public String toString() {
    return PersonRedactor.create().toLogString(this);
  }
}
