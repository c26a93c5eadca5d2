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
import io.scimgate.core.ErrorCode;
import io.scimgate.core.ProvisioningCore;
import io.scimgate.core.ScimgateException;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The architecture of provisioning-core, held by ArchUnit. The packages form layers without cycles:
 * the foundation packages (store, events, secret, …) know no feature; the features build on each
 * other in one direction (organization below membership below role and invitation below
 * provisioning; monitoring above the features it watches, each of which knows only its own small
 * monitor interface). The root package holds the catalogue every package may use
 * ({@link io.scimgate.core.ErrorCode}, {@link io.scimgate.core.ScimgateException}) and
 * {@link io.scimgate.core.ProvisioningCore}, which wires every package together and which no
 * package uses.
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
    void corePackagesHaveNoCycles() {
        slices().matching("io.scimgate.core.(*)..").should().beFreeOfCycles().check(core);
    }

    @Test
    void theRootPackagesCatalogueDependsOnNoCorePackage() {
        classes().that().belongToAnyOf(ErrorCode.class, ScimgateException.class)
                .should().onlyDependOnClassesThat(resideOutsideOfPackage("io.scimgate.core..").or(resideInAPackage("io.scimgate.core")))
                .check(core);
    }

    @Test
    void onlyTheCompositionRootUsesProvisioningCore() {
        noClasses().that().resideOutsideOfPackage("io.scimgate.core")
                .should().dependOnClassesThat().belongToAnyOf(ProvisioningCore.class)
                .check(core);
    }
}
