package dev.hookguard.runtime.generated;

import java.util.Map;

/**
 * What the runtime needs to know of a generated {@code XStore} to store its payloads in a larger
 * transaction (a receipt): the schema and how a payload splits into the schema's fields.
 * Implemented by every generated store.
 *
 * @param <X> the payload type
 */
public interface PayloadStore<X> {

  /** How the payload type is stored, property by property. */
  StoreSchema schema();

  /** The JSON text of each top-level property of {@code value}, by path. */
  Map<String, String> fields(X value);
}
