package dev.hookguard.runtime.receiver;

import dev.hookguard.runtime.redact.Redactor;

/** A hand-written stand-in for a generated redactor: the email is sensitive. */
final class OrderRedactor implements Redactor<Order> {

  @Override
  public String toLogString(Order value) {
    return value == null ? "null" : "Order{id=\"" + value.id() + "\", email=[REDACTED]}";
  }

  @Override
  public String toRedactedJson(Order value) {
    return value == null ? "null" : "{\"id\":\"" + value.id() + "\",\"email\":\"[REDACTED]\"}";
  }

  @Override
  public Order redact(Order value) {
    return value == null ? null : new Order(value.id(), "[REDACTED]");
  }
}
