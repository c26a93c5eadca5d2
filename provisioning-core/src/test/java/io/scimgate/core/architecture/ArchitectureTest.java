package io.scimgate.core.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The architecture of provisioning-core, held by ArchUnit. The feature packages (organization,
 * membership, provisioning, directory, domain, role, invitation, activity, monitoring, google,
 * webhook, mail) still depend on each other in cycles, so the no-cycle rule holds for the
 * foundation packages below them, which depend on no feature package.
 */
class ArchitectureTest {

    /** What every feature builds on; these know nothing of organizations, memberships or directories. */
    private static final String[] FOUNDATION = Arrays.stream(new String[] {"store", "lifecycle", "events", "secret", "token",
            "tenant", "instance", "user", "attributemapping"}).map(name -> "io.scimgate.core." + name + "..").toArray(String[]::new);

    private static JavaClasses core;

    @BeforeAll
    static void importCore() {
        core = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.scimgate.core");
    }

    @Test
    void coreKnowsNoHttpServerAndNoScimLibrary() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.glassfish.jersey..", "org.glassfish.grizzly..",
                        "jakarta.ws.rs..", "org.apache.directory.scim..")
                .check(core);
    }

    @Test
    void foundationPackagesDependOnNoFeaturePackage() {
        classes().that().resideInAnyPackage(FOUNDATION)
                .should().onlyDependOnClassesThat(resideOutsideOfPackage("io.scimgate.core..")
                        .or(resideInAPackage("io.scimgate.core"))
                        .or(resideInAnyPackage(FOUNDATION)))
                .check(core);
    }

    @Test
    void foundationPackagesHaveNoCycles() {
        slices().matching("io.scimgate.core.(*)..").should().beFreeOfCycles()
                .check(core.that(resideInAnyPackage(FOUNDATION)));
    }
}
