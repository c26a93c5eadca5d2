package io.scimgate.core.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackages;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.constructors;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.members;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaConstructor;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.scimgate.core.ErrorCode;
import io.scimgate.core.ProvisioningCore;
import io.scimgate.core.ScimgateException;
import io.scimgate.core.directory.DirectoryGroups;
import io.scimgate.core.directory.DirectoryUsers;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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
 *
 * <p>The public API (see README "Embedding"): {@code io.scimgate.core} and every package below it,
 * except the packages named {@code internal} ({@code io.scimgate.core.<feature>.internal},
 * {@code io.scimgate.core.store.internal}) and the generated {@code io.scimgate.core.store.schema..}.
 * Those are not exported: a host must not use them, and they may change in any release. The
 * convention this test enforces: no public method or field of a public class in an API package
 * names jOOQ, the generated schema or a type of an internal package in its signature; data access
 * lives in the feature's {@code internal} package (e.g. {@code user.internal.UserRows}) or is
 * package-private. One exception is a service's constructor, which takes the store and the
 * wiring (a {@code Database}, the feature's internal rows, its hooks): Java has no way to keep it
 * from the public while {@link io.scimgate.core.ProvisioningCore}, in another package, builds the
 * service, so the test holds such constructors to being called by {@code ProvisioningCore} only.
 * A host gets its services from {@code ProvisioningCore}. (No JPMS module descriptor: hosts run on
 * the classpath.) scim-server's ArchitectureTest keeps scim-server from using any internal package,
 * as a host would be.
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

    @Test
    void publicMethodsAndFieldsOfTheApiNameNoInternalType() {
        members().that().areDeclaredInClassesThat(API_PACKAGES)
                .and().areDeclaredInClassesThat().arePublic()
                .and().arePublic()
                .and(DescribedPredicate.not(CONSTRUCTORS))
                .should(nameNoInternalTypeInTheirSignature())
                .check(core);
    }

    @Test
    void onlyTheCompositionRootCallsAPublicConstructorThatNamesAnInternalType() {
        constructors().that().areDeclaredInClassesThat(API_PACKAGES)
                .and().arePublic()
                .and(DescribedPredicate.describe("name an internal type", (JavaConstructor constructor) ->
                        signatureTypes(constructor).stream().anyMatch(INTERNAL)))
                .should().onlyBeCalled().byClassesThat().belongToAnyOf(ProvisioningCore.class)
                .check(core);
    }

    @Test
    void googleSyncReadsTheDirectoryThroughItsPublicApiOnly() {
        noClasses().that().resideInAPackage("io.scimgate.core.google..")
                .should().dependOnClassesThat().haveNameMatching("io\\.scimgate\\.core\\.store\\.schema\\.tables\\.(records\\.)?Directory(User|Group).*")
                .orShould().dependOnClassesThat(resideInAPackage("io.scimgate.core..internal..")
                        .and(resideOutsideOfPackages("io.scimgate.core.google..", "io.scimgate.core.store.internal..")))
                .check(core);
    }

    /** What a host must not use: jOOQ, the generated tables and records, and every {@code internal} package. */
    static final DescribedPredicate<JavaClass> INTERNAL = resideInAnyPackage("org.jooq..", "io.scimgate.core.store.schema..",
            "io.scimgate.core..internal..")
            .as("jOOQ, the generated schema or an internal package");

    /**
     * The query API a host lists users and groups with (filter tree, sort, paging, catalogue, page)
     * names no jOOQ, store, SCIM library or HTTP type: the SQL behind it stays in
     * {@code directory.internal}.
     */
    @Test
    void theDirectoryQueryApiNamesNoJooqType() {
        noClasses().that().resideInAPackage("io.scimgate.core.directory.query..")
                .should().dependOnClassesThat().resideInAnyPackage("org.jooq..", "io.scimgate.core.store..",
                        "io.scimgate.core.directory.internal..", "org.apache.directory.scim..", "jakarta.ws.rs..")
                .check(core);
        members().that().areDeclaredInClassesThat().belongToAnyOf(DirectoryUsers.class, DirectoryGroups.class)
                .and().haveName("list").or().haveName("queryCatalogue")
                .should(new ArchCondition<>("name no jOOQ or store type in their signature") {
                    @Override
                    public void check(JavaMember member, ConditionEvents events) {
                        boolean clean = signatureTypes(member).stream().noneMatch(INTERNAL);
                        events.add(new SimpleConditionEvent(member, clean, member.getFullName() + " names a store internal"));
                    }
                })
                .check(core);
    }

    private static final DescribedPredicate<JavaMember> CONSTRUCTORS = DescribedPredicate.describe("constructors",
            member -> member instanceof JavaConstructor);

    /** core's API: {@code io.scimgate.core} and every package below it that is not internal. */
    static final DescribedPredicate<JavaClass> API_PACKAGES = resideInAPackage("io.scimgate.core..")
            .and(DescribedPredicate.not(INTERNAL))
            .as("core's API packages");

    private static ArchCondition<JavaMember> nameNoInternalTypeInTheirSignature() {
        return new ArchCondition<>("name no type of " + INTERNAL.getDescription() + " in their signature") {
            @Override
            public void check(JavaMember member, ConditionEvents events) {
                List<String> internal = signatureTypes(member).stream().filter(INTERNAL).map(JavaClass::getName).sorted().toList();
                events.add(new SimpleConditionEvent(member, internal.isEmpty(),
                        member.getFullName() + " names " + String.join(", ", internal)));
            }
        };
    }

    private static Set<JavaClass> signatureTypes(JavaMember member) {
        Set<JavaClass> types = new HashSet<>();
        if (member instanceof JavaCodeUnit codeUnit) {
            types.addAll(codeUnit.getReturnType().getAllInvolvedRawTypes());
            codeUnit.getParameterTypes().forEach(type -> types.addAll(type.getAllInvolvedRawTypes()));
        } else if (member instanceof JavaField field) {
            types.addAll(field.getType().getAllInvolvedRawTypes());
        }
        return types;
    }
}
