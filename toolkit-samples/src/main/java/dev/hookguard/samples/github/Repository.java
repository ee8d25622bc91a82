package dev.hookguard.samples.github;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.hookguard.api.Naming;
import dev.hookguard.api.WebhookPayload;
import java.time.Instant;
import java.util.Set;

/** The repository pushed to. {@code private} is a Java keyword, hence {@code @JsonProperty}. */
@WebhookPayload(naming = Naming.SNAKE_CASE)
public record Repository(
    long id,
    String nodeId,
    String name,
    @SuppressWarnings("HookGuardPersonalData") // owner/name of a repository, not a person
        String fullName,
    @JsonProperty("private") boolean isPrivate,
    Account owner,
    String htmlUrl,
    String description,
    boolean fork,
    Instant pushedAt,
    Integer stargazersCount,
    String defaultBranch,
    Set<String> topics) {}
