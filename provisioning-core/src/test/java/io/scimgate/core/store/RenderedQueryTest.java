package io.scimgate.core.store;

import static io.scimgate.core.store.schema.Tables.DIRECTORY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scimgate.core.directory.DirectoryProvider;
import io.scimgate.core.organization.Organization;
import io.scimgate.core.store.schema.tables.records.DirectoryRecord;
import io.scimgate.core.testing.TestCore;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Record;
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

    private TestCore test;
    private DSLContext dsl;
    private Organization acme;
    private String oktaId;

    @BeforeEach
    void start() {
        test = TestCore.start();
        dsl = test.core().database().dsl();
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
        DirectoryRecord found = DIRECTORY_BY_ID_AND_ORGANIZATION.with(dsl, DIRECTORY, oktaId, acme.id()).fetchOne();

        assertEquals(oktaId, found.getId());
        assertEquals("Okta", found.getName());
        assertEquals(dsl.render(DSL.selectFrom(DIRECTORY).where(DIRECTORY.ID.eq(DSL.param("id", String.class)),
                        DIRECTORY.ORGANIZATION_ID.eq(DSL.param("organizationId", String.class)))),
                DIRECTORY_BY_ID_AND_ORGANIZATION.with(dsl, DIRECTORY, oktaId, acme.id()).getSQL());
    }

    @Test
    void valuesAreBoundToTheirOwnParameters() {
        Organization other = test.core().organizations().create("Other");

        assertTrue(DIRECTORY_BY_ID_AND_ORGANIZATION.with(dsl, DIRECTORY, oktaId, other.id()).fetchOptional().isEmpty());
        assertTrue(DIRECTORY_BY_ID_AND_ORGANIZATION.with(dsl, DIRECTORY, acme.id(), oktaId).fetchOptional().isEmpty());
    }

    @Test
    void rowsCarryTheTemplatesFields() {
        List<String> names = DIRECTORY_NAMES.with(dsl, acme.id()).fetch().map(row -> row.get(DIRECTORY.NAME));
        Record first = DIRECTORY_NAMES.with(dsl, acme.id()).fetch().get(0);

        assertEquals(List.of("Entra", "Okta"), names);
        assertEquals(test.core().directories().listByOrganization(acme.id()).stream()
                .filter(directory -> directory.name().equals("Entra")).findFirst().orElseThrow().id(), first.get(DIRECTORY.ID));
    }

    @Test
    void parametersNamedOutOfTheirOrderInTheSqlAreRefusedWhenDeclared() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> RenderedQuery.of(
                DSL.selectFrom(DIRECTORY).where(DIRECTORY.ID.eq(DSL.param("id", String.class)),
                        DIRECTORY.ORGANIZATION_ID.eq(DSL.param("organizationId", String.class))),
                "organizationId", "id"));

        assertTrue(refused.getMessage().contains("[id, organizationId]"), refused.getMessage());
    }
}
