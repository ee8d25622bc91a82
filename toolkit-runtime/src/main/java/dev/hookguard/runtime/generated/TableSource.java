package dev.hookguard.runtime.generated;

/**
 * For generated code only: what opens the {@link PayloadTable} of a payload type. {@code
 * HookGuard} is one; a generated {@code XStore.create(HookGuard)} reaches its table through
 * {@link GeneratedStores#table}. The method is protected, so no application code can call it on a
 * {@code HookGuard}: the unchecked table is reachable only from this package.
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
