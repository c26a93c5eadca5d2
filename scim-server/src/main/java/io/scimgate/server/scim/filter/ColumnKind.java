package io.scimgate.server.scim.filter;

/** How values of a filterable attribute compare. */
enum ColumnKind {
    STRING, BOOLEAN, DATE_TIME
}
