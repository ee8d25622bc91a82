package dev.hookguard.runtime.json;

/**
 * Hard limits on a JSON document, checked while it is read: input that exceeds one is refused
 * with {@code LIMIT_EXCEEDED} (or {@code PAYLOAD_TOO_LARGE} for the body) before it can cost
 * more memory or time. The defaults suit webhook payloads, which are small and shallow.
 *
 * @param maxBodyBytes the largest body accepted, in bytes (default 1 MiB)
 * @param maxNestingDepth how deeply objects and arrays may nest (default 64)
 * @param maxStringLength the longest string value, in characters (default 256 Ki)
 * @param maxNumberLength the longest number, in characters (default 100)
 * @param maxNameLength the longest property name, in characters (default 1 Ki)
 * @param maxCollectionSize the most elements in one array or entries in one map (default 10,000)
 */
public record JsonLimits(
    int maxBodyBytes,
    int maxNestingDepth,
    int maxStringLength,
    int maxNumberLength,
    int maxNameLength,
    int maxCollectionSize) {

  private static final JsonLimits DEFAULTS =
      new JsonLimits(1 << 20, 64, 256 * 1024, 100, 1024, 10_000);

  public JsonLimits {
    requirePositive(maxBodyBytes, "maxBodyBytes");
    requirePositive(maxNestingDepth, "maxNestingDepth");
    requirePositive(maxStringLength, "maxStringLength");
    requirePositive(maxNumberLength, "maxNumberLength");
    requirePositive(maxNameLength, "maxNameLength");
    requirePositive(maxCollectionSize, "maxCollectionSize");
  }

  /** The defaults: 1 MiB, depth 64, strings of 256 Ki, numbers of 100, 10,000 elements. */
  public static JsonLimits defaults() {
    return DEFAULTS;
  }

  public JsonLimits withMaxBodyBytes(int bytes) {
    return new JsonLimits(bytes, maxNestingDepth, maxStringLength, maxNumberLength,
        maxNameLength, maxCollectionSize);
  }

  public JsonLimits withMaxNestingDepth(int depth) {
    return new JsonLimits(maxBodyBytes, depth, maxStringLength, maxNumberLength,
        maxNameLength, maxCollectionSize);
  }

  public JsonLimits withMaxStringLength(int length) {
    return new JsonLimits(maxBodyBytes, maxNestingDepth, length, maxNumberLength,
        maxNameLength, maxCollectionSize);
  }

  public JsonLimits withMaxNumberLength(int length) {
    return new JsonLimits(maxBodyBytes, maxNestingDepth, maxStringLength, length,
        maxNameLength, maxCollectionSize);
  }

  public JsonLimits withMaxCollectionSize(int size) {
    return new JsonLimits(maxBodyBytes, maxNestingDepth, maxStringLength, maxNumberLength,
        maxNameLength, size);
  }

  private static void requirePositive(int value, String name) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be positive, got " + value);
    }
  }
}
