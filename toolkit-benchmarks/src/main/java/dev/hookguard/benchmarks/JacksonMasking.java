package dev.hookguard.benchmarks;

import dev.hookguard.api.Sensitive.Mask;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.SerializationConfig;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.BeanPropertyWriter;
import tools.jackson.databind.ser.ValueSerializerModifier;

/**
 * The peer {@code RedactBenchmark} compares {@code toRedactedJson} with: Jackson data binding and
 * a masking module written the way such modules usually are. A {@link ValueSerializerModifier}
 * looks at each bean property once, when Jackson builds the bean's serializer, and gives every
 * sensitive property a serializer that writes the value masked ({@code OMIT}: the property is
 * dropped). Jackson caches the result, so per call only the masking itself runs.
 *
 * <p>{@code @Sensitive} has class retention (generated code needs no reflection), so where such a
 * module would read the annotation from the property, this one reads the mask from the privacy
 * manifests, keyed by the property's field ({@link ReflectiveRedactor#manifestMasks()}): the same
 * decision, taken once per property in both cases. Masks are applied by {@link
 * ReflectiveRedactor#masked}, as the generated redactor applies them.
 */
final class JacksonMasking {

  private JacksonMasking() {}

  /** {@link Samples#JACKSON} with the masking module added. */
  static JsonMapper mapper(ReflectiveRedactor masks) throws ReflectiveOperationException {
    Map<Field, Mask> byField = ReflectiveRedactor.manifestMasks();
    SimpleModule module = new SimpleModule("hookguard-masking");
    module.setSerializerModifier(new ValueSerializerModifier() {
      @Override
      public List<BeanPropertyWriter> changeProperties(
          SerializationConfig config, BeanDescription.Supplier beanDesc,
          List<BeanPropertyWriter> properties) {
        List<BeanPropertyWriter> kept = new ArrayList<>(properties.size());
        for (BeanPropertyWriter property : properties) {
          Mask mask = maskOf(byField, property);
          if (mask == Mask.OMIT) {
            continue;
          }
          if (mask != null) {
            property.assignSerializer(new Masked(mask, masks));
          }
          kept.add(property);
        }
        return kept;
      }
    });
    return Samples.JACKSON.rebuild().addModule(module).build();
  }

  private static Mask maskOf(Map<Field, Mask> byField, BeanPropertyWriter property) {
    Member member = property.getMember().getMember();
    try {
      return byField.get(member.getDeclaringClass().getDeclaredField(member.getName()));
    } catch (NoSuchFieldException e) {
      return null;
    }
  }

  /** Writes a sensitive value as its masked string. */
  private static final class Masked extends ValueSerializer<Object> {
    private final Mask mask;
    private final ReflectiveRedactor masks;

    Masked(Mask mask, ReflectiveRedactor masks) {
      this.mask = mask;
      this.masks = masks;
    }

    @Override
    public void serialize(Object value, JsonGenerator out, SerializationContext context) {
      out.writeString(masks.masked(mask, String.valueOf(value)));
    }
  }
}
