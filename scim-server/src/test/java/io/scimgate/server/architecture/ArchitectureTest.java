package io.scimgate.server.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The architecture of scim-server, held by ArchUnit: the SCIM and admin APIs do not know each
 * other, the top-level packages and the root package have no cycles, and scim-server uses
 * provisioning-core as a host application would: through its API packages, never through an
 * {@code internal} package of core, its generated schema or jOOQ. (Tests may: they reach the store
 * through the test fixtures' {@code CoreInternals}.) Lists of users and groups go through the
 * core's query API ({@code io.scimgate.core.directory.query}): the SCIM filter is translated into
 * its filter tree, and the core alone knows which column an attribute is.
 */
class ArchitectureTest {

    /** What is not core's API (README "Embedding"): its internal packages, the generated schema and jOOQ. */
    private static final DescribedPredicate<JavaClass> CORE_INTERNALS = resideInAnyPackage("io.scimgate.core..internal..",
            "io.scimgate.core.store.schema..", "org.jooq..")
            .as("core's internal packages, its generated schema or jOOQ");

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
    void nothingTouchesTheCoresInternals() {
        noClasses().should().dependOnClassesThat(CORE_INTERNALS)
                .check(server);
    }

    @Test
    void topLevelPackagesAndTheRootPackageHaveNoCycles() {
        slices().assignedFrom(TOP_LEVEL_PACKAGES).should().beFreeOfCycles().check(server);
    }

    /** Each package right below {@code io.scimgate.server} is a slice, and so is that package itself. */
    private static final SliceAssignment TOP_LEVEL_PACKAGES = new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            String packageName = javaClass.getPackageName();
            if (packageName.equals("io.scimgate.server")) {
                return SliceIdentifier.of("(root)");
            }
            if (!packageName.startsWith("io.scimgate.server.")) {
                return SliceIdentifier.ignore();
            }
            return SliceIdentifier.of(packageName.substring("io.scimgate.server.".length()).split("\\.")[0]);
        }

        @Override
        public String getDescription() {
            return "io.scimgate.server and each package right below it";
        }
    };
}
