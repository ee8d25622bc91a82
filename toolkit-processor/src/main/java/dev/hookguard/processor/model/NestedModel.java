package dev.hookguard.processor.model;

import com.palantir.javapoet.ClassName;
import java.util.List;

/**
 * A record or class without {@code @WebhookPayload}, reached from a root. It has no verifier or
 * store of its own: each root's verifier keeps private methods that read and write it, and each
 * redactor that holds it calls its own redactor, if it has one, or keeps private methods for it.
 *
 * @param construction how its reader and a copier build an instance
 * @param properties in declaration order, JSON names after the naming of the root that reaches it
 * @param redaction how the redactors that hold it redact it: it gets its own
 *     {@code Outer_InnerRedactor} when it has a {@code @Sensitive} property (its own or at any
 *     depth below) and is compiled here, so its {@code toString} can call it
 */
public record NestedModel(
    ClassName type,
    Construction construction,
    boolean isPublic,
    List<Property> properties,
    ObjectRedaction redaction) implements ObjectModel {}
