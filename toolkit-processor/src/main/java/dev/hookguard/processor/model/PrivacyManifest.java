package dev.hookguard.processor.model;

import com.palantir.javapoet.ClassName;
import dev.hookguard.api.Sensitive;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The privacy manifest of one compilation: every root, with every property it holds at any depth,
 * and what protects each one. Names and policies only, never a value. Every decision in it is the
 * model's ({@link Storage}, {@link Property}), taken over, not made again.
 *
 * @param module the name of the module compiled, if it is a named one
 * @param types the roots, sorted by qualified name
 */
public record PrivacyManifest(Optional<String> module, List<PayloadEntry> types) {

  /** The version of the manifest's JSON format. */
  public static final int FORMAT = 1;

  public PrivacyManifest {
    types = types.stream()
        .sorted((a, b) -> a.type().compareTo(b.type()))
        .toList();
  }

  /**
   * One root.
   *
   * @param type its qualified name
   * @param event the provider's event name, or empty
   * @param retentionDays its type-level {@code @Retain}: how long a record is kept
   * @param nestedTypes the qualified names of the nested types below it, in the order first
   *     reached
   * @param properties its own properties and, after each property that holds objects, theirs, at
   *     any depth (a recursive type is listed once per path, not again inside itself)
   * @param subjects the paths of the properties ({@code @Subject}) that identify the person a
   *     record is about, in property order
   */
  public record PayloadEntry(
      String type,
      String event,
      OptionalInt retentionDays,
      List<String> nestedTypes,
      List<Entry> properties,
      List<String> subjects) {

    /** The entry of {@code model}, its nested properties flattened under their holders. */
    public static PayloadEntry of(PayloadModel model) {
      List<Entry> entries = new ArrayList<>();
      for (Property property : model.properties()) {
        Storage storage = property.storage();
        // The store keeps a field no longer than its own retention and its record's.
        OptionalInt retention = shortest(model.retainDays(), storage.retainDays());
        Set<ClassName> onPath = new HashSet<>();
        onPath.add(model.type());
        add(entries, model.nested(), model.type(), property, property.jsonName(),
            property.jsonName(), retention, storage.protection(), onPath);
      }
      return new PayloadEntry(
          model.type().canonicalName(),
          model.event(),
          model.retainDays(),
          model.nested().all().stream().map(n -> n.type().canonicalName()).toList(),
          List.copyOf(entries),
          entries.stream().filter(Entry::subject).map(Entry::path).toList());
    }

    /** The entry of {@code path}, if this root holds one. */
    public Optional<Entry> property(String path) {
      return properties.stream().filter(p -> p.path().equals(path)).findFirst();
    }

    private static void add(List<Entry> entries, NestedModels nested, ClassName owner,
        Property property, String path, String field, OptionalInt retention,
        Storage.Protection atRest, Set<ClassName> onPath) {
      entries.add(new Entry(
          path,
          field,
          property.shape().typeName().toString(),
          owner.canonicalName(),
          property.name(),
          property.sensitive().map(Property.SensitiveSpec::category),
          property.sensitive().map(Property.SensitiveSpec::mask),
          property.declaredProtection(),
          atRest,
          retention,
          property.subject(),
          property.undecided()));
      descend(entries, nested, property.shape(), path, field, retention, atRest, onPath);
    }

    /**
     * The properties of the nested types inside {@code shape}: stored inside the root's field
     * {@code field}, so kept as long as it and sealed with it. Roots inside are listed as roots
     * of their own.
     */
    private static void descend(List<Entry> entries, NestedModels nested, Shape shape,
        String path, String field, OptionalInt retention, Storage.Protection atRest,
        Set<ClassName> onPath) {
      if (shape instanceof Shape.Container container) {
        String step = switch (container.kind()) {
          case LIST, SET, ARRAY -> "[]";
          case MAP -> "{}";
          case OPTIONAL -> "";
        };
        descend(entries, nested, container.element(), path + step, field, retention, atRest,
            onPath);
      } else if (shape instanceof Shape.Nested type && onPath.add(type.typeName())) {
        NestedModel model = nested.get(type.typeName());
        for (Property property : model.properties()) {
          add(entries, nested, model.type(), property, path + "." + property.jsonName(), field,
              retention, atRest, onPath);
        }
        onPath.remove(type.typeName());
      }
    }
  }

  /**
   * One property of a root, its own or one below it.
   *
   * @param path its JSON path from the root: JSON names joined by {@code .}, {@code []} for an
   *     element of a list, set or array, {@code {}} for a value of a map
   * @param field the JSON name of the root's own property it is stored in (its own path, for a
   *     root's own property)
   * @param javaType its Java type
   * @param declaredIn the qualified name of the type that declares it
   * @param member its Java name in that type
   * @param category its {@code @Sensitive} category, if it is sensitive
   * @param mask its {@code @Sensitive} mask, if it is sensitive
   * @param encryption what its own {@code @Encrypt} asks for
   * @param atRest how the store keeps the field it is stored in ({@link Storage#protection()})
   * @param retentionDays how long the store keeps the field it is stored in: the shortest of the
   *     record's retention and the field's ({@link Storage#retainDays()}); empty without limit
   * @param subject whether it identifies the person a record is about ({@code @Subject})
   * @param undecided what personal data its name suggests, when no decision was taken on it
   *     ({@link Property#undecided()}); empty otherwise
   */
  public record Entry(
      String path,
      String field,
      String javaType,
      String declaredIn,
      String member,
      Optional<Sensitive.Category> category,
      Optional<Sensitive.Mask> mask,
      Storage.Protection encryption,
      Storage.Protection atRest,
      OptionalInt retentionDays,
      boolean subject,
      Optional<String> undecided) {

    /** Whether this is a root's own property, a field of the store. */
    public boolean isField() {
      return path.equals(field);
    }
  }

  /** The shorter of two retentions; empty means without limit. */
  public static OptionalInt shortest(OptionalInt a, OptionalInt b) {
    if (a.isEmpty()) {
      return b;
    }
    return b.isEmpty() ? a : OptionalInt.of(Math.min(a.getAsInt(), b.getAsInt()));
  }
}
