package dev.hookguard.api;

/** How a Java property name becomes a JSON name, unless {@code @JsonProperty} names it. */
public enum Naming {
  /** The JSON name is the Java name, unchanged: {@code createdAt} stays {@code createdAt}. */
  AS_IS,
  /**
   * Lower case with underscores, as Jackson's {@code PropertyNamingStrategies.SNAKE_CASE} does it:
   * an underscore goes before an upper-case letter that follows a non-upper-case one, and every
   * letter is lower-cased. {@code createdAt} becomes {@code created_at}, {@code userID} becomes
   * {@code user_id}, {@code addressLine1} becomes {@code address_line1}.
   */
  SNAKE_CASE
}
