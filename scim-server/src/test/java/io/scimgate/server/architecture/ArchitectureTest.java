package io.scimgate.server.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
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
