package dev.rekey.core.internal;

import dev.rekey.core.ValidationException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.immutables.value.Value;

/**
 * The one Immutables style every Rekey value type uses, at source retention so nothing of
 * Immutables reaches run time.
 *
 * <p>A model is an abstract class {@code X} annotated {@code @Value.Immutable @RekeyStyle}; the
 * generated {@code ImmutableX} is package-private, so users see only {@code X} and its nested
 * {@code Builder}. A request model declares {@code public abstract static class Builder} with one
 * documented abstract method per setter and {@code build()}: the generated {@code
 * ImmutableX.Builder} extends it and implements them, so the IDE and Javadoc show our
 * documentation; {@code X.builder()} returns {@code ImmutableX.builder()}. (A result model may
 * instead declare {@code public static final class Builder extends ImmutableX.Builder {}}, whose
 * setters carry Immutables' generated comments.) Rules a value must keep go in a
 * {@code @Value.Check} method calling {@code dev.rekey.core.internal.validate.Check}.
 *
 * <p>What the style settles for every model:
 *
 * <ul>
 *   <li>a required attribute left unset at {@code build()}, and a null given to a setter, throw
 *       {@link ValidationException} naming the builder's field ({@code registry null must not be
 *       null}), through its {@code (String...)} constructor;
 *   <li>attributes marked {@code @Value.Redacted} print as {@code ****} (Rekey marks secrets by
 *       type instead: a {@code Secret} prints as {@code ****} itself);
 *   <li>{@code Optional} attributes accept a nullable value in their setters; collection setters
 *       are singular ({@code addPassword}); copies come from {@code with*} methods and {@code
 *       Builder.from(x)};
 *   <li>no Guava, and no annotation from the class path in generated code.
 * </ul>
 *
 * <p>Models carry no JSON or XML annotations: each service module reads its wire format by hand
 * with streaming parsers and builds the model through its builder.
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
    throwForInvalidImmutableState = ValidationException.class,
    throwForNullPointer = ValidationException.class,
    // Only this "annotation" may be added from the class path: Immutables then writes no
    // @org.immutables.value.Generated(from = ...) into the generated classes. Consumers compile
    // without value-annotations, and javac -Xlint:all warns on every such annotation it cannot
    // find.
    allowedClasspathAnnotations = Override.class)
public @interface RekeyStyle {}
