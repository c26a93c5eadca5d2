package io.scimgate.core;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Not part of scimgate's public API: a type or member that is public only so that other packages of
 * provisioning-core can reach it, and may change in any release. Only the directory listings still
 * carry it, until they move to {@code directory.internal}; then this mark goes. Everything else that is not API lives in an
 * {@code internal} package (README "Embedding"), which {@code ArchitectureTest} holds.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.CONSTRUCTOR, ElementType.FIELD})
public @interface InternalApi {
}
