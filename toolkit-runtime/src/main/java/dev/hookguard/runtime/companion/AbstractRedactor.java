package dev.hookguard.runtime.companion;

import dev.hookguard.runtime.generated.PayloadWriter;
import dev.hookguard.runtime.redact.RedactionContext;
import dev.hookguard.runtime.redact.Redactor;
import java.util.Objects;

/**
 * The three renderings of a generated {@code XRedactor}, from the two functions the processor
 * writes for {@code X}: its masked {@code write} and its {@code copyRedacted}. Every method masks
 * every sensitive value the same way; {@code HASH} pseudonyms use the key of the redactor's
 * {@link RedactionContext}.
 *
 * @param <X> the payload type
 */
public abstract class AbstractRedactor<X> implements Redactor<X> {

  /** The generated {@code XRedactor::write}: {@code value} with every sensitive value masked. */
  @FunctionalInterface
  protected interface MaskedWriter<X> {
    void write(PayloadWriter out, X value, RedactionContext context);
  }

  /** The generated {@code XRedactor::copyRedacted}: a copy of {@code value} safe to forward. */
  @FunctionalInterface
  protected interface MaskedCopy<X> {
    X copy(X value, RedactionContext context);
  }

  private final RedactionContext context;
  private final PayloadWriter.ValueWriter<X> masked;
  private final MaskedCopy<X> copy;

  /** A redactor masking {@code HASH} properties under the key of {@code context}. */
  protected AbstractRedactor(RedactionContext context, MaskedWriter<X> writer, MaskedCopy<X> copy) {
    this.context = Objects.requireNonNull(context, "context");
    Objects.requireNonNull(writer, "writer");
    this.masked = (out, value) -> writer.write(out, value, this.context);
    this.copy = Objects.requireNonNull(copy, "copy");
  }

  @Override
  public final String toLogString(X value) {
    return PayloadWriter.toLogString(value, masked);
  }

  @Override
  public final String toRedactedJson(X value) {
    return PayloadWriter.toJson(value, masked);
  }

  @Override
  public final X redact(X value) {
    return copy.copy(value, context);
  }

  @Override
  public String toString() {
    return getClass().getSimpleName();
  }
}
