package io.scimgate.conformance.hostapp;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

/**
 * The host-app example compiles against scimgate's API only (README "Embedding"): none of the
 * core's internal packages, its generated schema or jOOQ, which may change in any release.
 */
class HostAppUsesTheApiOnlyTest {

    @Test
    void theHostAppNamesNoInternalOfTheCore() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("io.scimgate.core..internal..",
                        "io.scimgate.core.store.schema..", "org.jooq..")
                .check(new ClassFileImporter().importPackages(HostAppUsesTheApiOnlyTest.class.getPackageName()));
    }
}
