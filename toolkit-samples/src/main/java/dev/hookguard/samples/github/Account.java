package dev.hookguard.samples.github;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.hookguard.api.Sensitive;
import dev.hookguard.api.Sensitive.Category;
import dev.hookguard.api.Sensitive.Mask;
import org.jspecify.annotations.Nullable;

/** A GitHub user or organization account. */
public record Account(
    String login,
    long id,
    @Nullable String nodeId,
    @Sensitive(category = Category.PERSONAL) @Nullable String name,
    @Sensitive(category = Category.CONTACT, mask = Mask.EMAIL) @Nullable String email,
    @Nullable String avatarUrl,
    @Nullable String htmlUrl,
    @Nullable AccountType type,
    @JsonProperty("site_admin") boolean administrator) {

  /**
   * GitHub's account types, spelled as GitHub spells them. A type GitHub adds later reads as
   * {@link #Unknown} instead of failing the whole delivery.
   */
  public enum AccountType {
    User,
    Organization,
    Bot,
    @JsonEnumDefaultValue
    Unknown
  }

  @Override
  public String toString() {
    return AccountRedactor.create().toLogString(this);
  }
}
