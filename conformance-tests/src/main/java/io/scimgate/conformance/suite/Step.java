package io.scimgate.conformance.suite;

import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a conformance test as the proof that a provider's lifecycle step works. README's
 * compatibility table is checked against these marks ({@link CompatibilityTableTest}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Repeatable(Steps.class)
public @interface Step {

    String provider();

    String step();
}
