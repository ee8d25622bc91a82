package dev.hookguard.benchmarks;

import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.google.crypto.tink.daead.DeterministicAeadConfig;
import com.google.crypto.tink.daead.PredefinedDeterministicAeadParameters;
import com.google.crypto.tink.mac.MacConfig;
import com.google.crypto.tink.mac.PredefinedMacParameters;
import com.google.crypto.tink.prf.PredefinedPrfParameters;
import com.google.crypto.tink.prf.PrfConfig;
import dev.hookguard.runtime.crypto.MasterKey;
import dev.hookguard.runtime.internal.jdbc.Database;
import dev.hookguard.runtime.internal.keys.DataKeys;
import dev.hookguard.runtime.internal.keys.RetentionKeyStore;
import java.lang.reflect.Constructor;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Clock;

/**
 * Keys for benchmarks that seal records without a store: a data keyset made as the key ring makes
 * it (AES256-GCM, AES256-SIV, HMAC-SHA256, HMAC-SHA256 PRF; generation 1), and a key store for
 * day and subject keys on a SQLite file.
 */
final class BenchKeys {

  private BenchKeys() {}

  /** A fresh data keyset of generation 1, revision 1. */
  static DataKeys newDataKeys() throws ReflectiveOperationException, GeneralSecurityException {
    AeadConfig.register();
    DeterministicAeadConfig.register();
    MacConfig.register();
    PrfConfig.register();
    Constructor<DataKeys> make = DataKeys.class.getDeclaredConstructor(
        int.class, long.class, KeysetHandle.class, KeysetHandle.class, KeysetHandle.class,
        KeysetHandle.class);
    make.setAccessible(true);
    return make.newInstance(1, 1L,
        KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM),
        KeysetHandle.generateNew(PredefinedDeterministicAeadParameters.AES256_SIV),
        KeysetHandle.generateNew(PredefinedMacParameters.HMAC_SHA256_256BITTAG),
        KeysetHandle.generateNew(PredefinedPrfParameters.HMAC_SHA256_PRF));
  }

  /** A key store on {@code keys.db} in {@code folder}, wrapped by a master key file beside it. */
  static RetentionKeyStore keyStoreIn(Path folder) {
    return RetentionKeyStore.open(Database.sqlite(folder.resolve("keys.db")), true, null,
        MasterKey.localFile(folder.resolve("master.key")), Clock.systemUTC());
  }
}
