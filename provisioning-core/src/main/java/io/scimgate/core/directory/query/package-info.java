/**
 * The query API for a directory's users and groups: a filter tree, a sort and a paging of core
 * records, the catalogue of attributes they may name, and the page a query returns. It names no
 * jOOQ, SCIM library or HTTP type, so that a host (scim-server among them) lists resources without
 * knowing a table; the SQL behind it lives in {@code io.scimgate.core.directory.internal}.
 */
package io.scimgate.core.directory.query;
