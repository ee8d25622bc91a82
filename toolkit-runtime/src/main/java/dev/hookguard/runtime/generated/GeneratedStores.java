package dev.hookguard.runtime.generated;

import java.util.Objects;

/** For generated code only: how a generated {@code XStore} opens its table. */
public final class GeneratedStores {

  private GeneratedStores() {}

  /**
   * The table of {@code schema}'s payload type in {@code source} (a {@code HookGuard}). Asking
   * again with an equal schema gives an equivalent table.
   *
   * <p>This is the layer beneath the generated stores, and it trusts its caller: its {@link
   * PayloadTable#get} decrypts every field without an access check or an audit entry (generated
   * {@code find} masks the result before returning it). Application code goes through the
   * generated {@code XStore}, whose only path to plaintext is the checked and audited {@code
   * reveal}.
   *
   * @throws dev.hookguard.runtime.store.StoreException with {@code INVALID_REQUEST} if {@code
   *     source} already opened the payload type with a different schema
   */
  public static PayloadTable table(TableSource source, StoreSchema schema) {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(schema, "schema");
    return source.openTable(schema);
  }
}
