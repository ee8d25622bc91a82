package dev.hookguard.runtime.generated;

/**
 * For generated code only: what opens the {@link PayloadTable} of a payload type. {@code
 * HookGuard} is one; a generated {@code XStore.create(HookGuard)} reaches its table through
 * {@link GeneratedStores#table}. The method is protected, so the unchecked table is not part of
 * {@code HookGuard}'s API; it is reachable only through this package.
 *
 * <p>This is API hygiene, not a security boundary: any code can call {@code GeneratedStores}, as
 * the generated stores in the application's packages do. The boundary is the {@code HookGuard}
 * (and the master key) itself: whoever holds it can decrypt what it stores.
 */
public abstract class TableSource {

  /** For {@code HookGuard} only. */
  protected TableSource() {}

  /**
   * The table of {@code schema}'s payload type. Its {@link PayloadTable#get} decrypts without an
   * access check; the generated store masks or checks before anything leaves it.
   */
  protected abstract PayloadTable openTable(StoreSchema schema);
}
