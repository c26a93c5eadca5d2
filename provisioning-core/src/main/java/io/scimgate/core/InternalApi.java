package io.scimgate.core;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Not part of scimgate's public API: a type or member that is public only so that other packages of
 * provisioning-core can reach it. It hands out or takes the store's internals (a {@code Tx}, a
 * {@code DSLContext}, jOOQ records), may change in any release, and a host application must not use
 * it. {@code ArchitectureTest} holds every public member that touches the store to this mark and
 * keeps scim-server from using any marked member.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.CONSTRUCTOR, ElementType.FIELD})
public @interface InternalApi {
}
