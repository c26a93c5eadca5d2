package io.scimgate.core.domain;

import java.util.List;

/** Looks up the TXT records of a DNS name; pluggable so tests and host apps can bring their own. */
@FunctionalInterface
public interface TxtResolver {

    /** The TXT strings published at {@code name}; empty when there are none or the name does not exist. */
    List<String> txtRecords(String name);
}
