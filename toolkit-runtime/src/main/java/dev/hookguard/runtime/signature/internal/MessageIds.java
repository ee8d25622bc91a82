package dev.hookguard.runtime.signature.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** How replay guards key a message id: its SHA-256, a fixed size whatever a sender puts in it. */
public final class MessageIds {

  private MessageIds() {}

  /** The SHA-256 of {@code messageId}'s UTF-8 bytes. */
  public static byte[] digest(String messageId) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(messageId.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is unavailable", e);
    }
  }
}
