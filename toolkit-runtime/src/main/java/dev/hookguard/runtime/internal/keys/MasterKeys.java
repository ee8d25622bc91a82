package dev.hookguard.runtime.internal.keys;

import com.google.crypto.tink.Aead;
import dev.hookguard.runtime.crypto.MasterKey;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * The keyring's way to a master key's AEAD, which {@link MasterKey} does not make public: the
 * handle stays inside the runtime module. A private lookup into a class of one's own module needs
 * no {@code opens}.
 */
final class MasterKeys {

  private static final MethodHandle AEAD = find();

  private MasterKeys() {}

  /**
   * The AEAD that wraps data keysets under {@code key}.
   *
   * @throws dev.hookguard.runtime.crypto.KeyException if the key's source is unavailable
   */
  static Aead aead(MasterKey key) {
    try {
      return (Aead) AEAD.invokeExact(key);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable t) {
      throw new IllegalStateException("MasterKey.aead() threw a checked exception", t);
    }
  }

  private static MethodHandle find() {
    try {
      return MethodHandles.privateLookupIn(MasterKey.class, MethodHandles.lookup())
          .findVirtual(MasterKey.class, "aead", MethodType.methodType(Aead.class));
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }
}
