package io.scimgate.core.store.internal;

import static io.scimgate.core.store.schema.Tables.DIRECTORY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scimgate.core.CoreInternals;
import io.scimgate.core.directory.DirectoryProvider;
import io.scimgate.core.organization.Organization;
import io.scimgate.core.store.schema.tables.records.DirectoryRecord;
import io.scimgate.core.testing.TestCore;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.Result;
import org.jooq.impl.SQLDataType;
import org.jooq.conf.MappedSchema;
import org.jooq.conf.RenderMapping;
import org.jooq.conf.Settings;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RenderedQueryTest {

    private static final RenderedQuery DIRECTORY_BY_ID_AND_ORGANIZATION = RenderedQuery.of(DSL.selectFrom(DIRECTORY)
                    .where(DIRECTORY.ID.eq(DSL.param("id", String.class)),
                            DIRECTORY.ORGANIZATION_ID.eq(DSL.param("organizationId", String.class))),
            "id", "organizationId");
    private static final RenderedQuery DIRECTORY_NAMES = RenderedQuery.of(DSL.select(DIRECTORY.NAME, DIRECTORY.ID)
                    .from(DIRECTORY)
                    .where(DIRECTORY.ORGANIZATION_ID.eq(DSL.param("organizationId", String.class)))
                    .orderBy(DIRECTORY.NAME),
            "organizationId");
    private static final RenderedQuery RENAME = RenderedQuery.of(DSL.update(DIRECTORY)
                    .set(DIRECTORY.NAME, DSL.param("name", String.class))
                    .where(DIRECTORY.ID.eq(DSL.param("id", String.class))),
            "name", "id");

    private TestCore test;
    private DSLContext dsl;
    private Organization acme;
    private String oktaId;

    @BeforeEach
    void start() {
        test = TestCore.start();
        dsl = CoreInternals.database(test.core()).dsl();
        acme = test.core().organizations().create("Acme");
        oktaId = test.core().directories().create(acme.id(), "Okta", DirectoryProvider.OKTA).directory().id();
        test.core().directories().create(acme.id(), "Entra", DirectoryProvider.ENTRA);
    }

    @AfterEach
    void stop() {
        test.close();
    }

    @Test
    void runsTheSqlJooqRendersForTheTemplateWithTheValuesGiven() {
        DirectoryRecord found = DIRECTORY_BY_ID_AND_ORGANIZATION.fetch(dsl, DIRECTORY, oktaId, acme.id()).get(0);

        assertEquals(oktaId, found.getId());
        assertEquals("Okta", found.getName());
        assertEquals(dsl.render(DSL.selectFrom(DIRECTORY).where(DIRECTORY.ID.eq(DSL.param("id", String.class)),
                        DIRECTORY.ORGANIZATION_ID.eq(DSL.param("organizationId", String.class)))),
                DIRECTORY_BY_ID_AND_ORGANIZATION.sql(dsl));
    }

    @Test
    void valuesAreBoundToTheirOwnParameters() {
        Organization other = test.core().organizations().create("Other");

        assertTrue(DIRECTORY_BY_ID_AND_ORGANIZATION.fetch(dsl, DIRECTORY, oktaId, other.id()).isEmpty());
        assertTrue(DIRECTORY_BY_ID_AND_ORGANIZATION.fetch(dsl, DIRECTORY, acme.id(), oktaId).isEmpty());
    }

    @Test
    void rowsCarryTheTemplatesFields() {
        List<String> names = DIRECTORY_NAMES.fetch(dsl, acme.id()).map(row -> row.get(DIRECTORY.NAME));
        Record first = DIRECTORY_NAMES.fetch(dsl, acme.id()).get(0);

        assertEquals(List.of("Entra", "Okta"), names);
        assertEquals(test.core().directories().listByOrganization(acme.id()).stream()
                .filter(directory -> directory.name().equals("Entra")).findFirst().orElseThrow().id(), first.get(DIRECTORY.ID));
    }

    @Test
    void aStatementRunsInTheTransactionOfItsContextAndRollsBackWithIt() {
        assertThrows(IllegalStateException.class, () -> CoreInternals.database(test.core()).transaction(tx -> {
            assertEquals(1, RENAME.execute(tx.dsl(), "Renamed", oktaId));
            assertEquals("Renamed", nameOf(tx.dsl(), oktaId));
            throw new IllegalStateException("rolled back");
        }));
        assertEquals("Okta", nameOf(dsl, oktaId));

        assertEquals(1, RENAME.execute(dsl, "Renamed", oktaId));
        assertEquals(0, RENAME.execute(dsl, "Renamed", "no-such-directory"));
        assertEquals("Renamed", nameOf(dsl, oktaId));
    }

    @Test
    void aFailingStatementIsADataAccessExceptionCarryingTheStoresError() {
        DataAccessException failed = assertThrows(DataAccessException.class,
                () -> RENAME.execute(dsl, null, oktaId));

        assertTrue(failed.getCause() instanceof SQLException, String.valueOf(failed.getCause()));
        assertEquals("Okta", nameOf(dsl, oktaId));
    }

    private static String nameOf(DSLContext dsl, String directoryId) {
        return dsl.select(DIRECTORY.NAME).from(DIRECTORY).where(DIRECTORY.ID.eq(directoryId)).fetchOne(DIRECTORY.NAME);
    }

    @Test
    void parametersNamedOutOfTheirOrderInTheSqlAreRefusedWhenDeclared() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> RenderedQuery.of(
                DSL.selectFrom(DIRECTORY).where(DIRECTORY.ID.eq(DSL.param("id", String.class)),
                        DIRECTORY.ORGANIZATION_ID.eq(DSL.param("organizationId", String.class))),
                "organizationId", "id"));

        assertTrue(refused.getMessage().contains("[id, organizationId]"), refused.getMessage());
    }

    @Test
    void eachStoreSchemaGetsItsOwnRendering() {
        RenderedQuery byId = RenderedQuery.of(DSL.selectFrom(DIRECTORY).where(DIRECTORY.ID.eq(DSL.param("id", String.class))), "id");
        DSLContext inSchema = DSL.using(dsl.dialect(), new Settings().withRenderMapping(new RenderMapping()
                .withSchemata(new MappedSchema().withInput("").withOutput("tenant_store"))));

        String mapped = byId.sql(inSchema);
        String unmapped = byId.sql(dsl);

        assertTrue(mapped.contains("tenant_store"), mapped);
        assertFalse(unmapped.contains("tenant_store"), "a rendering for one schema served another: " + unmapped);
        assertEquals(mapped, byId.sql(inSchema));
    }

    @Test
    void aNamedQueryBindsEachValueWhereverItsParametersAppear() {
        test.core().directories().create(acme.id(), "Google", DirectoryProvider.GENERIC);
        Map<String, Object> values = Map.of("organizationId", acme.id(), "after", "Entra", "limit", 5);
        RenderedQuery.Parameters parameters = new RenderedQuery.Parameters(values);
        // The limit's parameter comes last in the SQL but first here, and the organization is used twice.
        var limit = parameters.of("limit", SQLDataType.INTEGER);
        RenderedQuery named = RenderedQuery.named(DSL.select(DIRECTORY.NAME).from(DIRECTORY)
                .where(DIRECTORY.ORGANIZATION_ID.eq(parameters.of("organizationId", SQLDataType.VARCHAR)),
                        DIRECTORY.NAME.gt(parameters.of("after", SQLDataType.VARCHAR)),
                        DIRECTORY.ID.in(DSL.select(DIRECTORY.ID).from(DIRECTORY)
                                .where(DIRECTORY.ORGANIZATION_ID.eq(parameters.of("organizationId", SQLDataType.VARCHAR)))))
                .orderBy(DIRECTORY.NAME)
                .limit(limit));

        Result<Record> afterEntra = named.fetch(dsl, values);
        Result<Record> firstOne = named.fetch(dsl, Map.of("organizationId", acme.id(), "after", "", "limit", 1));

        assertEquals(List.of("Google", "Okta"), afterEntra.map(row -> row.get(DIRECTORY.NAME)));
        assertEquals(List.of("Entra"), firstOne.map(row -> row.get(DIRECTORY.NAME)));
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> named.fetch(dsl, Map.of("organizationId", acme.id(), "limit", 1)));
        assertTrue(missing.getMessage().contains("after"), missing.getMessage());
    }

    @Test
    void shapesDeclareEachQueryOnce() {
        RenderedQuery.Shapes<String> shapes = new RenderedQuery.Shapes<>();
        Map<String, Object> values = Map.of("organizationId", acme.id());
        RenderedQuery byOrganization = shapes.of("by organization", () -> DSL.selectFrom(DIRECTORY)
                .where(DIRECTORY.ORGANIZATION_ID.eq(new RenderedQuery.Parameters(values).of("organizationId", SQLDataType.VARCHAR))));

        assertTrue(byOrganization == shapes.of("by organization", () -> {
            throw new AssertionError("declared again");
        }));
        assertEquals(2, byOrganization.fetch(dsl, values).size());
    }
}
