package shapes;

import dev.hookguard.api.Generated;
import dev.hookguard.runtime.companion.AbstractPayloadVerifier;
import dev.hookguard.runtime.generated.JsonReadException;
import dev.hookguard.runtime.generated.PayloadReader;
import dev.hookguard.runtime.generated.PayloadVerification;
import dev.hookguard.runtime.generated.PayloadWriter;
import dev.hookguard.runtime.generated.PropertyNames;
import dev.hookguard.runtime.signature.WebhookSignature;
import dev.hookguard.runtime.verify.VerifierBuilder;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Verifies and reads {@link Catalog} webhooks: the body's size, its signature, its
 * message id against replays, then a reflection-free parse within hard limits
 * and validation. Nothing is returned until every step passed.
 */
@Generated("dev.hookguard.processor.HookGuardProcessor")
public final class CatalogVerifier extends AbstractPayloadVerifier<Catalog> {
    /**
     * The JSON names {@link #read} matches, in declaration order.
     */
    private static final PropertyNames PROPERTIES = PropertyNames.of("id", "tags", "kinds", "stock",
            "description", "sizes", "aliases", "items", "itemsByShelf", "featured", "archived",
            "buyers", "secretNote");

    private CatalogVerifier(PayloadVerification verification) {
        super(verification, CatalogVerifier::read);
    }

    /**
     * A verifier with default limits and no replay guard.
     */
    public static CatalogVerifier create(WebhookSignature signature) {
        return builder(signature).build();
    }

    /**
     * A builder for a verifier with a replay guard, other limits or strict properties.
     */
    public static VerifierBuilder<CatalogVerifier> builder(WebhookSignature signature) {
        return new VerifierBuilder<>(signature, CatalogVerifier::new);
    }

    /**
     * Reads one {@code Catalog} (or {@code null}) from {@code in}, checking every
     * required property.
     */
    public static Catalog read(PayloadReader in) throws JsonReadException {
        if (in.nextIsNull()) {
            return null;
        }
        UUID id = null;
        List<String> tags = null;
        Set<Catalog.Kind> kinds = null;
        Map<String, Integer> stock = null;
        Optional<String> description = Optional.empty();
        int[] sizes = null;
        String[] aliases = null;
        List<Catalog.Item> items = null;
        Map<String, List<Catalog.Item>> itemsByShelf = null;
        Optional<Catalog.Item> featured = Optional.empty();
        Catalog.Item[] archived = null;
        List<String> buyers = null;
        Optional<String> secretNote = Optional.empty();
        in.beginObject(PROPERTIES);
        while (in.nextProperty()) {
            switch (in.propertyIndex()) {
                case 0 -> id = in.readUuid(); // "id"
                case 1 -> tags = in.readList(r -> r.readString()); // "tags"
                case 2 -> kinds = in.readSet(r -> r.readEnum(CatalogVerifier::kindNamed, null)); // "kinds"
                case 3 -> stock = in.readMap(r -> r.readIntOrNull()); // "stock"
                case 4 -> description = in.readOptional(r -> r.readString()); // "description"
                case 5 -> sizes = in.readIntArray(); // "sizes"
                case 6 -> aliases = in.readArray(r -> r.readString(), String[]::new); // "aliases"
                case 7 -> items = in.readList(r -> Catalog_ItemVerifier.read(r)); // "items"
                case 8 -> itemsByShelf = in.readMap(r -> r.readList(r2 -> Catalog_ItemVerifier.read(r2))); // "itemsByShelf"
                case 9 -> featured = in.readOptional(r -> Catalog_ItemVerifier.read(r)); // "featured"
                case 10 -> archived = in.readArray(r -> Catalog_ItemVerifier.read(r), Catalog.Item[]::new); // "archived"
                case 11 -> buyers = in.readList(r -> r.readString()); // "buyers"
                case 12 -> secretNote = in.readOptional(r -> r.readString()); // "secretNote"
            }
        }
        in.require(id != null, "id");
        in.require(tags != null, "tags");
        in.require(kinds != null, "kinds");
        in.require(stock != null, "stock");
        in.require(sizes != null, "sizes");
        in.require(aliases != null, "aliases");
        in.require(items != null, "items");
        in.require(itemsByShelf != null, "itemsByShelf");
        in.require(archived != null, "archived");
        in.require(buyers != null, "buyers");
        in.endObject();
        return new Catalog(
                id,
                tags,
                kinds,
                stock,
                description,
                sizes,
                aliases,
                items,
                itemsByShelf,
                featured,
                archived,
                buyers,
                secretNote);
    }

    /**
     * Writes all of {@code value}, sensitive values included, as {@link #read}
     * reads it.
     */
    public static void write(PayloadWriter out, Catalog value) {
        if (value == null) {
            out.nullValue();
            return;
        }
        out.beginObject("Catalog");
        out.name("id");
        out.text(value.id());
        out.name("tags");
        out.list(value.tags(), (w, e) -> w.string(e));
        out.name("kinds");
        out.list(value.kinds(), (w, e) -> w.enumConstant(e));
        out.name("stock");
        out.map(value.stock(), (w, e) -> w.number(e));
        out.name("description");
        out.optional(value.description(), (w, e) -> w.string(e));
        out.name("sizes");
        out.array(value.sizes());
        out.name("aliases");
        out.array(value.aliases(), (w, e) -> w.string(e));
        out.name("items");
        out.list(value.items(), (w, e) -> Catalog_ItemVerifier.write(w, e));
        out.name("itemsByShelf");
        out.map(value.itemsByShelf(), (w, e) -> w.list(e, (w2, e2) -> Catalog_ItemVerifier.write(w2, e2)));
        out.name("featured");
        out.optional(value.featured(), (w, e) -> Catalog_ItemVerifier.write(w, e));
        out.name("archived");
        out.array(value.archived(), (w, e) -> Catalog_ItemVerifier.write(w, e));
        out.name("buyers");
        out.list(value.buyers(), (w, e) -> w.string(e));
        out.name("secretNote");
        out.optional(value.secretNote(), (w, e) -> w.string(e));
        out.endObject();
    }

    /**
     * The full JSON of {@code value}, sensitive values included; reads back
     * with {@link #readTrusted(byte[])}.
     */
    public static String toJson(Catalog value) {
        return PayloadWriter.toJson(value, CatalogVerifier::write);
    }

    /**
     * The {@code Catalog.Kind} constant named {@code name}, or {@code null}.
     */
    private static Catalog.Kind kindNamed(String name) {
        return switch (name) {
            case "BOOK" -> Catalog.Kind.BOOK;
            case "MUSIC" -> Catalog.Kind.MUSIC;
            default -> null;
        };
    }
}
