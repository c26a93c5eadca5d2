package io.scimgate.core.store.internal;

import static io.scimgate.core.store.schema.Tables.DIRECTORY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scimgate.core.CoreInternals;
import io.scimgate.core.directory.DirectoryProvider;
import io.scimgate.core.testing.TestCore;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

class InListShapesTest {

    private static final InListShapes DIRECTORIES = new InListShapes(DIRECTORY.ID.getDataType(),
            ids -> DSL.select(DIRECTORY.ID).from(DIRECTORY).where(DIRECTORY.ID.in(ids)));

    /** Parts of up to 64 values, each padded with its last value to the next power of two. */
    @Test
    void aListRunsInPartsOfFixedLengthsPaddedWithItsLastValue() {
        for (int size : new int[] {0, 1, 2, 3, 5, 64, 65, 130}) {
            List<Integer> values = IntStream.range(0, size).boxed().toList();
            List<Object[]> parts = DIRECTORIES.run(values, (query, padded) -> padded);
            assertEquals((size + InListShapes.MAX_VALUES - 1) / InListShapes.MAX_VALUES, parts.size(), "parts of " + size);
            List<Object> seen = new ArrayList<>();
            for (Object[] part : parts) {
                assertEquals(1, Integer.bitCount(part.length), part.length + " values");
                assertTrue(part.length <= InListShapes.MAX_VALUES);
                int distinct = new HashSet<>(List.of(part)).size();
                seen.addAll(List.of(part).subList(0, distinct));
                for (int i = distinct; i < part.length; i++) {
                    assertEquals(part[distinct - 1], part[i], "padded with the part's last value");
                }
                assertTrue(distinct > part.length / 2 || part.length == 1, "the next power of two, no longer");
            }
            assertEquals(values, seen);
        }
    }

    @Test
    void paddedListsFindWhatTheListHolds() {
        try (TestCore test = TestCore.start()) {
            String organizationId = test.core().organizations().create("Acme").id();
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                ids.add(test.core().directories().create(organizationId, "Directory " + i, DirectoryProvider.OKTA)
                        .directory().id());
            }
            DSLContext dsl = CoreInternals.database(test.core()).dsl();
            List<String> asked = new ArrayList<>(ids);
            asked.add("no-such-directory");
            Set<String> found = new HashSet<>();
            DIRECTORIES.run(asked, (select, values) -> found.addAll(select.fetch(dsl, values).getValues(DIRECTORY.ID)));
            assertEquals(Set.copyOf(ids), found);
        }
    }
}
