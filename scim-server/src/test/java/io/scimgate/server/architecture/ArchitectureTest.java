package io.scimgate.server.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    private static JavaClasses server;

    @BeforeAll
    static void importServer() {
        server = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.scimgate.server");
    }

    @Test
    void theScimApiDoesNotDependOnTheAdminApi() {
        noClasses().that().resideInAPackage("io.scimgate.server.scim..")
                .should().dependOnClassesThat().resideInAPackage("io.scimgate.server.admin..")
                .check(server);
    }

    @Test
    void theAdminApiDoesNotDependOnTheScimApi() {
        noClasses().that().resideInAPackage("io.scimgate.server.admin..")
                .should().dependOnClassesThat().resideInAPackage("io.scimgate.server.scim..")
                .check(server);
    }

    @Test
    void topLevelPackagesHaveNoCycles() {
        slices().matching("io.scimgate.server.(*)..").should().beFreeOfCycles().check(server);
    }
}
