package dev.rekey.core.internal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.immutables.value.Value;

/**
 * The one Immutables style every Rekey value type uses.
 *
 * <p>Generated classes are package-private ({@code ImmutableX}); users only see the abstract type and
 * its nested {@code Builder extends ImmutableX.Builder}. Attributes marked {@code @Value.Redacted}
 * print as {@code ****}. Kept at source retention so nothing of Immutables reaches run time.
 *
 * <p>Models carry no JSON or XML annotations: each service module reads its wire format by hand
 * from the trees of {@code dev.rekey.core.internal.codec.Codecs} and {@code XmlCodec} (streaming
 * parsers, no data binding) and builds the model through its builder.
 */
@Target({ElementType.TYPE, ElementType.PACKAGE})
@Retention(RetentionPolicy.SOURCE)
@Value.Style(
    visibility = Value.Style.ImplementationVisibility.PACKAGE,
    builderVisibility = Value.Style.BuilderVisibility.PUBLIC,
    overshadowImplementation = true,
    redactedMask = "****",
    jdkOnly = true,
    defaults = @Value.Immutable(copy = true),
    depluralize = true,
    optionalAcceptNullable = true,
    // Only this "annotation" may be added from the class path: Immutables then writes no
    // @org.immutables.value.Generated(from = ...) into the generated classes. Consumers compile
    // without value-annotations, and javac -Xlint:all warns on every such annotation it cannot find.
    allowedClasspathAnnotations = Override.class)
public @interface RekeyStyle {}
