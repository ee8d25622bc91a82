package shapes;

import dev.hookguard.api.Sensitive;
import dev.hookguard.api.Sensitive.Mask;
import dev.hookguard.api.WebhookPayload;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Every container, of single values and of nested payloads. */
@WebhookPayload
public record Catalog(
    UUID id,
    List<String> tags,
    Set<Kind> kinds,
    Map<String, Integer> stock,
    Optional<String> description,
    int[] sizes,
    String[] aliases,
    List<Item> items,
    Map<String, List<Item>> itemsByShelf,
    Optional<Item> featured,
    Item[] archived,
    @Sensitive List<String> buyers,
    @Sensitive(mask = Mask.OMIT) Optional<String> secretNote) {

  @Override
  public String toString() {
    return CatalogRedactor.create().toLogString(this);
  }

  public enum Kind {
    BOOK,
    MUSIC
  }

  @WebhookPayload
  public record Item(String sku, @Sensitive(mask = Mask.LAST4) String serial) {

    @Override
    public String toString() {
      return Catalog_ItemRedactor.create().toLogString(this);
    }
  }
}
