package dev.hookguard.runtime.privacy;

import dev.hookguard.api.Sensitive;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * One compilation's privacy manifest: its payload types (roots, each with every property it holds
 * at any depth) and how each property is protected. Names and policies only, never a value.
 *
 * @param origin where it was read from: {@code module <name>} for a named module, else the URL of
 *     the resource
 * @param module the name of the module it was compiled in, if a named one
 * @param types the payload types, sorted by name
 */
public record PrivacyManifest(String origin, Optional<String> module, List<PayloadType> types) {

  public PrivacyManifest {
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(module, "module");
    types = List.copyOf(types);
  }

  /** The payload type named {@code name} (qualified), if this manifest has it. */
  public Optional<PayloadType> type(String name) {
    return types.stream().filter(t -> t.name().equals(name)).findFirst();
  }

  /**
   * One payload type (a root: what arrives as a webhook body).
   *
   * @param name its qualified name
   * @param event the provider's event name, or empty
   * @param retentionDays how long a record is kept; empty without limit
   * @param nestedTypes the qualified names of the nested types it holds
   * @param properties its properties and those of the objects inside them, in declaration order
   * @param subjects the paths of the properties that identify the person a record is about
   *     (empty until payload types can mark them)
   */
  public record PayloadType(
      String name,
      String event,
      OptionalInt retentionDays,
      List<String> nestedTypes,
      List<Property> properties,
      List<String> subjects) {

    public PayloadType {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(event, "event");
      Objects.requireNonNull(retentionDays, "retentionDays");
      nestedTypes = List.copyOf(nestedTypes);
      properties = List.copyOf(properties);
      subjects = List.copyOf(subjects);
    }

    /** The simple name: {@code StripeEvent} for {@code dev.hookguard.samples.stripe.StripeEvent}. */
    public String simpleName() {
      return name.substring(name.lastIndexOf('.') + 1);
    }

    /** The categories of its sensitive properties, in the order of {@code Sensitive.Category}. */
    public Set<Sensitive.Category> categories() {
      EnumSet<Sensitive.Category> categories = EnumSet.noneOf(Sensitive.Category.class);
      properties.forEach(p -> p.category().ifPresent(categories::add));
      return categories;
    }

    /** Its sensitive properties. */
    public List<Property> sensitiveProperties() {
      return properties.stream().filter(Property::isSensitive).toList();
    }
  }

  /**
   * One property of a payload type, its own or one of an object inside it.
   *
   * @param path its JSON path from the payload: JSON names joined by {@code .}, {@code []} for an
   *     element of a list, set or array, {@code {}} for a value of a map
   * @param javaType its Java type
   * @param declaredIn the qualified name of the type that declares it
   * @param member its Java name there
   * @param category its {@code @Sensitive} category, if it is sensitive
   * @param mask its {@code @Sensitive} mask, if it is sensitive
   * @param encryption what its own {@code @Encrypt} asks for
   * @param atRest how the store keeps the field it is stored in (a nested property is stored
   *     inside its payload's top-level property, sealed when anything in it is encrypted)
   * @param retentionDays how long the store keeps it: the shortest retention that applies;
   *     empty without limit
   * @param subject whether it identifies the person a record is about
   * @param undecided what personal data its name suggests (such as "an e-mail address"), when no
   *     decision was taken on it: neither {@code @Sensitive}, nor a flag, nor {@code
   *     @SuppressWarnings("HookGuardPersonalData")}; empty otherwise, and in manifests written
   *     before the processor recorded it
   */
  public record Property(
      String path,
      String javaType,
      String declaredIn,
      String member,
      Optional<Sensitive.Category> category,
      Optional<Sensitive.Mask> mask,
      Encryption encryption,
      Encryption atRest,
      OptionalInt retentionDays,
      boolean subject,
      Optional<String> undecided) {

    /** A property of a manifest that records no decision on its name. */
    public Property(String path, String javaType, String declaredIn, String member,
        Optional<Sensitive.Category> category, Optional<Sensitive.Mask> mask,
        Encryption encryption, Encryption atRest, OptionalInt retentionDays, boolean subject) {
      this(path, javaType, declaredIn, member, category, mask, encryption, atRest, retentionDays,
          subject, Optional.empty());
    }

    public Property {
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(javaType, "javaType");
      Objects.requireNonNull(declaredIn, "declaredIn");
      Objects.requireNonNull(member, "member");
      Objects.requireNonNull(category, "category");
      Objects.requireNonNull(mask, "mask");
      Objects.requireNonNull(encryption, "encryption");
      Objects.requireNonNull(atRest, "atRest");
      Objects.requireNonNull(retentionDays, "retentionDays");
      Objects.requireNonNull(undecided, "undecided");
    }

    public boolean isSensitive() {
      return category.isPresent();
    }
  }
}
