/**
 * GitHub's {@code push} webhook: {@link dev.hookguard.samples.github.GitHubPush}, a class with
 * getters and setters, is the {@code @WebhookPayload} root; the types it holds (a class with
 * package-private fields, and records) need no annotation of their own.
 */
package dev.hookguard.samples.github;
