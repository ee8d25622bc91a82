package dev.hookguard.runtime.receiver;

import dev.hookguard.api.Sensitive;
import dev.hookguard.runtime.generated.FieldSpec;
import dev.hookguard.runtime.generated.PayloadStore;
import dev.hookguard.runtime.generated.Protection;
import dev.hookguard.runtime.generated.StoreSchema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/** A hand-written stand-in for a generated {@code OrderStore}: the id plain, the email sealed. */
final class OrderPayloadStore implements PayloadStore<Order> {

  static final StoreSchema SCHEMA =
      new StoreSchema(
          "Order",
          OptionalInt.empty(),
          List.of(
              new FieldSpec("id", null, Protection.PLAIN, OptionalInt.empty()),
              new FieldSpec(
                  "email", Sensitive.Category.CONTACT, Protection.RANDOMIZED, OptionalInt.empty())));

  @Override
  public StoreSchema schema() {
    return SCHEMA;
  }

  @Override
  public Map<String, String> fields(Order value) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("id", "\"" + value.id() + "\"");
    fields.put("email", "\"" + value.email() + "\"");
    return fields;
  }
}
