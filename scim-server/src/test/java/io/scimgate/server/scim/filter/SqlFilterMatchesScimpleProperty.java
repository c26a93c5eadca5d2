package io.scimgate.server.scim.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.scimgate.core.directory.DirectoryProvider;
import io.scimgate.core.directory.DirectoryUserData;
import io.scimgate.core.directory.DirectoryUsers;
import io.scimgate.core.directory.EmailAddress;
import io.scimgate.core.directory.query.DirectoryQuery;
import io.scimgate.core.directory.query.Paging;
import io.scimgate.core.testing.TestCore;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.apache.directory.scim.spec.filter.Filter;
import org.apache.directory.scim.spec.filter.FilterExpressions;
import org.apache.directory.scim.spec.resources.Email;
import org.apache.directory.scim.spec.resources.Name;
import org.apache.directory.scim.spec.resources.ScimUser;
import org.apache.directory.scim.spec.schema.Schema;
import org.apache.directory.scim.spec.schema.Schemas;

/**
 * For generated filters over a generated directory, the database (H2 or PostgreSQL) selects
 * exactly the users SCIMple's in-memory matcher accepts.
 *
 * <p>Two SCIMple M1 limits shape the oracle, each checked by hand: its matcher compares
 * {@code co}/{@code sw}/{@code ew}/{@code gt}… case-sensitively whatever {@code caseExact} says, so
 * case-insensitive attributes and their operands are folded to lower case before asking it (which
 * is the RFC 7644 meaning of {@code caseExact: false}); and it answers false for any value path on a
 * resource ({@code emails[type eq "work"]}), so a value path is evaluated element by element with
 * SCIMple's map matcher, the way its own PatchHandler evaluates them.
 */
class SqlFilterMatchesScimpleProperty {

    private static final Schema USER_SCHEMA = Schemas.schemaFor(ScimUser.class);
    private static final FilterTranslator SQL = FilterTranslator.forUsers(
            io.scimgate.server.scim.schema.ScimSchemas.users(io.scimgate.server.scim.schema.ScimSchemas.registry()));
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> FOLDED = List.of("userName", "displayName", "name.givenName", "name.familyName", "title");
    private static final List<String> OPERATORS = List.of("eq", "ne", "co", "sw", "ew", "gt", "ge", "lt", "le");
    private static final List<String> OPERANDS = List.of("ana", "ANA", "a", "Bo", "lee", "x1", "X1", "engineer", "z",
            "@corp.example", "-1", "e", "work", "A@X.example", "home");

    private static TestCore test;
    private static DirectoryUsers users;
    private static String directoryId;
    private static final Map<String, ScimUser> FOLDED_USERS = new java.util.LinkedHashMap<>();

    /** A filter as text for the server, and the same filter as a predicate through SCIMple. */
    record GeneratedFilter(String text, Predicate<ScimUser> oracle) {
        @Override
        public String toString() {
            return text;
        }
    }

    @BeforeContainer
    static void directory() {
        test = TestCore.start();
        users = test.core().directoryUsers();
        String organizationId = test.core().organizations().create("Prop").id();
        directoryId = test.core().directories().create(organizationId, "Generic", DirectoryProvider.GENERIC).directory().id();
        Random random = new Random(20251026);
        for (int i = 0; i < 60; i++) {
            String userName = pick(random, "ana", "Ana.Lee", "bo", "BO_x", "cy", "d-e", "Zed", "amy") + "-" + i + "@"
                    + pick(random, "corp.example", "Home.Example");
            List<EmailAddress> emails = new ArrayList<>();
            for (int e = random.nextInt(3); e > 0; e--) {
                emails.add(new EmailAddress(pick(random, "a@x.example", "A@X.example", "b@y.example", "lee@corp.example"),
                        orNull(random, "work", "Work", "home"), random.nextBoolean()));
            }
            DirectoryUserData data = new DirectoryUserData(userName, orNull(random, "X1", "x1", "Y2", "y-2"),
                    random.nextBoolean(), orNull(random, "Ana Lee", "ana lee", "Bo", "zed", "A_B"),
                    orNull(random, "Ana", "ana", "Bo", "Cy", "Zed", "al"), orNull(random, "Lee", "lee", "Ng", "Zed"),
                    emails, orNull(random, "Engineer", "engineer", "Lead", "CTO", "eng lead"), null, null, "{}");
            String id = users.create(directoryId, data).id();
            FOLDED_USERS.put(id, folded(data));
        }
    }

    @AfterContainer
    static void close() {
        test.close();
    }

    @Property(tries = 400)
    void theDatabaseSelectsWhatScimpleAccepts(@ForAll("filters") GeneratedFilter filter) {
        Set<String> expected = FOLDED_USERS.entrySet().stream()
                .filter(user -> filter.oracle().test(user.getValue()))
                .map(Map.Entry::getKey)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> selected = users.list(directoryId, new DirectoryQuery(SQL.toFilter(ScimFilterParser.parse(filter.text())),
                        null, new Paging.ByIndex(1, 1000))).items().stream()
                .map(user -> user.id())
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(expected, selected, filter.text());
    }

    @Provide
    Arbitrary<GeneratedFilter> filters() {
        return filter(3);
    }

    private Arbitrary<GeneratedFilter> filter(int depth) {
        Arbitrary<GeneratedFilter> leaf = Arbitraries.oneOf(comparison(), presence(), active(), valuePath());
        if (depth == 0) {
            return leaf;
        }
        Arbitrary<GeneratedFilter> inner = Arbitraries.lazy(() -> filter(depth - 1));
        Arbitrary<GeneratedFilter> and = inner.tuple2().map(pair -> new GeneratedFilter(
                "(" + pair.get1().text() + " and " + pair.get2().text() + ")", pair.get1().oracle().and(pair.get2().oracle())));
        Arbitrary<GeneratedFilter> or = inner.tuple2().map(pair -> new GeneratedFilter(
                "(" + pair.get1().text() + " or " + pair.get2().text() + ")", pair.get1().oracle().or(pair.get2().oracle())));
        Arbitrary<GeneratedFilter> not = inner.map(f -> new GeneratedFilter("not (" + f.text() + ")", f.oracle().negate()));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, leaf), net.jqwik.api.Tuple.of(2, and), net.jqwik.api.Tuple.of(2, or),
                net.jqwik.api.Tuple.of(1, not));
    }

    private static Arbitrary<GeneratedFilter> comparison() {
        Arbitrary<String> attributes = Arbitraries.of("userName", "displayName", "name.givenName", "name.familyName", "title",
                "externalId");
        return net.jqwik.api.Combinators.combine(attributes, Arbitraries.of(OPERATORS), Arbitraries.of(OPERANDS))
                .as((attribute, operator, operand) -> {
                    String text = attribute + " " + operator + " \"" + operand + "\"";
                    String oracle = attribute + " " + operator + " \"" + fold(attribute, operand) + "\"";
                    return new GeneratedFilter(text, scimple(oracle));
                });
    }

    private static Arbitrary<GeneratedFilter> presence() {
        return Arbitraries.of("userName", "displayName", "name.givenName", "name.familyName", "title", "externalId")
                .map(attribute -> new GeneratedFilter(attribute + " pr", scimple(attribute + " pr")));
    }

    private static Arbitrary<GeneratedFilter> active() {
        return net.jqwik.api.Combinators.combine(Arbitraries.of("eq", "ne"), Arbitraries.of("true", "false"))
                .as((operator, value) -> {
                    String text = "active " + operator + " " + value;
                    return new GeneratedFilter(text, scimple(text));
                });
    }

    private static Arbitrary<GeneratedFilter> valuePath() {
        Arbitrary<String[]> term = Arbitraries.oneOf(
                net.jqwik.api.Combinators.combine(Arbitraries.of("value", "type"), Arbitraries.of(OPERATORS),
                        Arbitraries.of(OPERANDS)).as((sub, operator, operand) -> new String[] {
                                sub + " " + operator + " \"" + operand + "\"",
                                sub + " " + operator + " \"" + operand.toLowerCase(Locale.ROOT) + "\""}),
                Arbitraries.of("true", "false").map(value -> new String[] {"primary eq " + value, "primary eq " + value}));
        return Arbitraries.oneOf(
                term.map(t -> t),
                term.tuple2().map(pair -> new String[] {pair.get1()[0] + " and " + pair.get2()[0],
                        pair.get1()[1] + " and " + pair.get2()[1]}),
                term.tuple2().map(pair -> new String[] {"(" + pair.get1()[0] + " or " + pair.get2()[0] + ")",
                        "(" + pair.get1()[1] + " or " + pair.get2()[1] + ")"}))
                .map(inner -> {
                    Predicate<Object> element = FilterExpressions.inMemoryMap(parse("emails[" + inner[1] + "]").getAttributeExpression(),
                            USER_SCHEMA);
                    return new GeneratedFilter("emails[" + inner[0] + "]", user -> user.getEmails() != null
                            && user.getEmails().stream().anyMatch(email -> element.test(JSON.convertValue(email, Map.class))));
                });
    }

    private static org.apache.directory.scim.spec.filter.ValuePathExpression parse(String valuePath) {
        try {
            return (org.apache.directory.scim.spec.filter.ValuePathExpression) new Filter(valuePath).getExpression();
        } catch (Exception e) {
            throw new IllegalStateException(valuePath, e);
        }
    }

    private static Predicate<ScimUser> scimple(String filter) {
        try {
            Predicate<org.apache.directory.scim.spec.resources.ScimResource> predicate =
                    FilterExpressions.inMemory(new Filter(filter), USER_SCHEMA);
            return predicate::test;
        } catch (Exception e) {
            throw new IllegalStateException(filter, e);
        }
    }

    private static String fold(String attribute, String value) {
        return FOLDED.contains(attribute) ? value.toLowerCase(Locale.ROOT) : value;
    }

    /** The user as SCIMple sees it, case-insensitive values folded to lower case. */
    private static ScimUser folded(DirectoryUserData data) {
        ScimUser user = new ScimUser();
        user.setUserName(lower(data.userName()));
        user.setExternalId(data.externalId());
        user.setActive(data.active());
        user.setDisplayName(lower(data.displayName()));
        user.setTitle(lower(data.title()));
        if (data.givenName() != null || data.familyName() != null) {
            Name name = new Name();
            name.setGivenName(lower(data.givenName()));
            name.setFamilyName(lower(data.familyName()));
            user.setName(name);
        }
        if (!data.emails().isEmpty()) {
            user.setEmails(data.emails().stream().map(address -> {
                Email email = new Email();
                email.setValue(lower(address.value()));
                email.setType(lower(address.type()));
                email.setPrimary(address.primary());
                return email;
            }).toList());
        }
        return user;
    }

    private static String lower(String value) {
        return value == null ? null : value.toLowerCase(Locale.ROOT);
    }

    private static String pick(Random random, String... values) {
        return values[random.nextInt(values.length)];
    }

    private static String orNull(Random random, String... values) {
        return random.nextInt(values.length + 1) == 0 ? null : pick(random, values);
    }
}
