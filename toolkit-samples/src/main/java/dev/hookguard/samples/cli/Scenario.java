package dev.hookguard.samples.cli;

/** What {@code send} does to a signed sample event before posting it. */
enum Scenario {
  VALID("valid"),
  FORGED("forged: body changed after signing"),
  REPLAYED("replayed: same message sent again"),
  CONFLICTING("same id, another signed body"),
  OVERSIZED("oversized: body over the limit"),
  STALE("delayed: signed 10 minutes ago"),
  UNSIGNED("no signature"),
  MALFORMED("signed, but not JSON"),
  DISALLOWED("from a disallowed address");

  private final String description;

  Scenario(String description) {
    this.description = description;
  }

  String description() {
    return description;
  }
}
