package dev.hookguard.runtime.crypto;

/**
 * What a re-encryption run did.
 *
 * @param reencrypted records this run moved to {@code targetGeneration}
 * @param remaining records still on older generations when the run ended (zero when complete;
 *     more than zero only if other writers raced with an interrupted run)
 * @param targetGeneration the key generation records were moved to
 */
public record ReencryptionReport(long reencrypted, long remaining, int targetGeneration) {}
