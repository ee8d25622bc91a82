package dev.hookguard.readme;

import dev.hookguard.runtime.receiver.WebhookReceiver;
import dev.hookguard.samples.github.GitHubPush;

/** Where the servlet examples' application keeps its receiver (the README leaves it out). */
final class Receivers {

  static WebhookReceiver<GitHubPush> receiver;

  private Receivers() {}
}
