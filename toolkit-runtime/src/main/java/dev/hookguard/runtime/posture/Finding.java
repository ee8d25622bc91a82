package dev.hookguard.runtime.posture;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One thing the posture audit found. Names, lengths, durations and file paths only: never a
 * secret, a key or a payload value.
 *
 * @param id what kind of finding it is, stable across releases (such as {@code
 *     https.not-required}); tests, dashboards and suppressions key on it
 * @param severity how much it matters
 * @param subject what it is about: {@code receiver Order}, {@code file /srv/hookguard.db-wal},
 *     {@code payload type com.example.Order}, {@code audit trail}…
 * @param found what was found, in a sentence
 * @param fix how to fix it, in a sentence
 */
public record Finding(String id, Severity severity, String subject, String found, String fix) {

  private static final Pattern ID = Pattern.compile("[a-z]+(-[a-z]+)*(\\.[a-z]+(-[a-z]+)*)+");

  /** Checks that every component is present and the id is dotted lower-case words. */
  public Finding {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(found, "found");
    Objects.requireNonNull(fix, "fix");
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException("a finding id is dotted lower-case words, not " + id);
    }
  }

  @Override
  public String toString() {
    return severity + " " + id + " (" + subject + "): " + found + " Fix: " + fix;
  }
}
