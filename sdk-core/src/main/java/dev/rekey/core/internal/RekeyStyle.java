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
 * <p><b>How to make a model JSON-mappable.</b> Put Jackson 3's databind annotations (package {@code
 * tools.jackson.databind.annotation}, not the 2.x {@code com.fasterxml} ones) on the abstract type,
 * naming the generated class; Immutables 2.12 recognises them and generates the Jackson 3 glue (a
 * delegating {@code @JsonCreator} and {@code @JsonProperty} accessors) itself:
 *
 * <pre>{@code
 * @Value.Immutable
 * @RekeyStyle
 * @JsonSerialize(as = ImmutableGeneratedCredentials.class)
 * @JsonDeserialize(as = ImmutableGeneratedCredentials.class)
 * public abstract class GeneratedCredentials {
 *   public abstract String username();
 *   @Value.Redacted public abstract Secret password();   // a plain JSON string on the wire
 *   public abstract Optional<Instant> expiry();          // ISO-8601; absent reads as empty
 *   public abstract List<TokenPassword> passwords();     // nested models annotated the same way
 *   public static final class Builder extends ImmutableGeneratedCredentials.Builder {}
 * }
 * }</pre>
 *
 * <p>Read and write such types only through {@code dev.rekey.core.internal.codec.Codecs}, which maps
 * {@code Secret}, ignores unknown fields and turns a missing required field into a {@code
 * MalformedBodyException}. Rename a wire field with {@code @JsonProperty} from {@code
 * com.fasterxml.jackson.annotation} on the accessor. Jackson reaches the package-private {@code
 * ImmutableX} reflectively, which works because Rekey jars are automatic modules (every package open).
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
