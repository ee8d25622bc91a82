package dev.hookguard.samples.github;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.hookguard.api.Naming;
import dev.hookguard.api.Sensitive;
import dev.hookguard.api.Sensitive.Category;
import dev.hookguard.api.Sensitive.Mask;
import dev.hookguard.api.WebhookPayload;

/** A GitHub user or organization account. */
@WebhookPayload(naming = Naming.SNAKE_CASE)
public record Account(
    String login,
    long id,
    String nodeId,
    @Sensitive(category = Category.PERSONAL) String name,
    @Sensitive(category = Category.CONTACT, mask = Mask.EMAIL) String email,
    String avatarUrl,
    String htmlUrl,
    AccountType type,
    @JsonProperty("site_admin") boolean administrator) {

  /** GitHub's account types, spelled as GitHub spells them. */
  public enum AccountType {
    User,
    Organization,
    Bot
  }

  @Override
  public String toString() {
    return AccountRedactor.create().toLogString(this);
  }
}
