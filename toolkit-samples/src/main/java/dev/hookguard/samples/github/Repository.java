package dev.hookguard.samples.github;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** The repository pushed to. {@code private} is a Java keyword, hence {@code @JsonProperty}. */
public record Repository(
    long id,
    @Nullable String nodeId,
    String name,
    @SuppressWarnings("HookGuardPersonalData") // owner/name of a repository, not a person
        String fullName,
    @JsonProperty("private") boolean isPrivate,
    Account owner,
    @Nullable String htmlUrl,
    @Nullable String description,
    boolean fork,
    @Nullable Instant pushedAt,
    @Nullable Integer stargazersCount,
    @Nullable String defaultBranch,
    @Nullable Set<String> topics) {}
