package io.scimgate.core.directory.query;

/** How values of a queryable attribute compare. */
public enum AttributeKind {
    STRING, BOOLEAN, DATE_TIME
}
