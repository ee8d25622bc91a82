package dev.hookguard.samples.github;

import dev.hookguard.api.Naming;
import dev.hookguard.api.Retain;
import dev.hookguard.api.WebhookPayload;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * GitHub's {@code push} event, as a plain class with getters and setters: the shape of payload
 * classes written before records, or by code generators.
 */
@WebhookPayload(event = "push", naming = Naming.SNAKE_CASE)
@Retain(days = 30)
public class GitHubPush {

  private String ref;
  private String before;
  private String after;
  private boolean created;
  private boolean deleted;
  private boolean forced;
  private @Nullable String baseRef;
  private String compare;
  private List<Commit> commits;
  private @Nullable Commit headCommit;
  private Repository repository;
  private Person pusher;
  private Account sender;

  public GitHubPush() {}

  public String getRef() {
    return ref;
  }

  public void setRef(String ref) {
    this.ref = ref;
  }

  public String getBefore() {
    return before;
  }

  public void setBefore(String before) {
    this.before = before;
  }

  public String getAfter() {
    return after;
  }

  public void setAfter(String after) {
    this.after = after;
  }

  public boolean isCreated() {
    return created;
  }

  public void setCreated(boolean created) {
    this.created = created;
  }

  public boolean isDeleted() {
    return deleted;
  }

  public void setDeleted(boolean deleted) {
    this.deleted = deleted;
  }

  public boolean isForced() {
    return forced;
  }

  public void setForced(boolean forced) {
    this.forced = forced;
  }

  public String getBaseRef() {
    return baseRef;
  }

  public void setBaseRef(String baseRef) {
    this.baseRef = baseRef;
  }

  public String getCompare() {
    return compare;
  }

  public void setCompare(String compare) {
    this.compare = compare;
  }

  public List<Commit> getCommits() {
    return commits;
  }

  public void setCommits(List<Commit> commits) {
    this.commits = commits;
  }

  public Commit getHeadCommit() {
    return headCommit;
  }

  public void setHeadCommit(Commit headCommit) {
    this.headCommit = headCommit;
  }

  public Repository getRepository() {
    return repository;
  }

  public void setRepository(Repository repository) {
    this.repository = repository;
  }

  public Person getPusher() {
    return pusher;
  }

  public void setPusher(Person pusher) {
    this.pusher = pusher;
  }

  public Account getSender() {
    return sender;
  }

  public void setSender(Account sender) {
    this.sender = sender;
  }
}
