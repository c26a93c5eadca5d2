package io.scimgate.conformance.bench;

import io.scimgate.conformance.bench.HttpConnection.Reply;
import io.scimgate.conformance.bench.Tenant.BenchDirectory;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The load benchmark of issue 10, black-box over HTTP: it starts a scimgate (or loads a running
 * one), seeds it through the SCIM and admin APIs only, runs each workload and prints a Markdown
 * table. See conformance-tests/BENCHMARKS.md for the command and the latest figures.
 */
public final class Benchmark {

    private static final int CONNECTIONS = 8;
    private static final int SYNC_CLIENTS = 16;
    private static final int PAGE = 100;
    private static final int RENDER_ROUNDS = 3;
    /** A list response whose totalResults is 1. */
    private static final Pattern FOUND_ONE = Pattern.compile("\"totalResults\"\\s*:\\s*1\\b");

    private final BenchOptions options;
    private final ServerProcess server;
    private final Load load;
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final List<Result> results = new ArrayList<>();
    private Tenant tenant;
    private double ceiling;
    private BenchDirectory creates;

    private Benchmark(BenchOptions options, ServerProcess server) {
        this.options = options;
        this.server = server;
        this.load = new Load(server, localPostgres(options.dbUrl()));
    }

    /** How to read the CPU time of the store's own processes: a PostgreSQL on this machine's loopback only. */
    private static DoubleSupplier localPostgres(String dbUrl) {
        Matcher local = dbUrl == null ? null
                : Pattern.compile("^jdbc:postgresql://(?:127\\.0\\.0\\.1|localhost)(?::\\d+)?/([^?;/]+)")
                        .matcher(dbUrl);
        if (local == null || !local.find()) {
            return () -> Double.NaN;
        }
        String database = local.group(1);
        return () -> ProcCpu.ofPostgres(database);
    }

    public static void main(String[] args) throws Exception {
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(BenchOptions.USAGE);
            System.exit(2);
            return;
        }
        String adminToken = options.adminToken() != null ? options.adminToken() : "bench-admin-" + UUID.randomUUID();
        String loadBefore = loadAverage();
        Instant started = Instant.now();
        try (ServerProcess server = options.url() != null
                ? ServerProcess.attach(options.url(), options.serverPid())
                : ServerProcess.start(options.dbUrl(), options.dbUser(), options.dbPassword(), adminToken,
                        options.serverJvmOptions(), Map.of())) {
            Benchmark benchmark = new Benchmark(options, server);
            benchmark.runAll(adminToken);
            System.out.println(benchmark.report(started, loadBefore, loadAverage()));
        }
    }

    private void runAll(String adminToken) throws IOException {
        tenant = Tenant.create(server.url(), adminToken, "Bench " + run, "bench.example");
        warmUp();
        measureTheRest();
        if (options.runs("ceiling")) {
            measureTheCeiling();
        }
    }

    /**
     * Measured last, after a warm-up of its own: right after the general warm-up the JIT is still
     * compiling Jersey's paths, and the cold ceiling cost about five times its warm CPU per request
     * (BENCHMARKS.md, fourth pass), which made every "× ceiling" look better than it is.
     */
    private void measureTheCeiling() {
        BenchDirectory directory = tenant.directory("ceiling", "generic");
        load.run("ceiling warm-up", CONNECTIONS, Duration.ofSeconds(options.quick() ? 1 : 20), Long.MAX_VALUE,
                i -> reader(directory, n -> "ServiceProviderConfig"));
        Result ceilingResult = readWorkload("GET /ServiceProviderConfig (ceiling, no database)", directory,
                n -> "ServiceProviderConfig");
        ceiling = ceilingResult.throughput();
        results.add(0, ceilingResult);
    }

    private void measureTheRest() throws IOException {
        if (options.runs("create")) {
            creates = tenant.directory("creates", "okta");
            results.add(load.run("POST /Users, the first creates after start (JIT still compiling), " + CONNECTIONS
                    + " connections", CONNECTIONS, options.createTime(), Long.MAX_VALUE,
                    i -> creator(creates, "cw" + i + "-", null)));
            results.add(load.run("POST /Users, full provisioning, " + CONNECTIONS + " connections", CONNECTIONS,
                    options.createTime(), Long.MAX_VALUE, i -> creator(creates, "c" + i + "-", null)));
        }

        if (!(options.runs("sync") || options.runs("reads") || options.runs("writes") || options.runs("groups")
                || options.runs("render"))) {
            return;
        }
        BenchDirectory big = tenant.directory("big", "okta");
        String[] bigIds = new String[options.bigDirectory()];
        Result sync = load.run("initial sync of " + options.bigDirectory() + " users, " + SYNC_CLIENTS + " clients",
                SYNC_CLIENTS, null, options.bigDirectory(), i -> creator(big, "b-", bigIds));
        results.add(sync.withNote(String.format("wall %.1f s, server peak RSS %.0f MiB (VmHWM %.0f MiB)",
                sync.seconds(), sync.peakRssMiB(), server.peakRssMiB())));
        if (options.runs("create")) {
            warmCreates();
        }

        if (options.runs("reads")) {
            BenchDirectory small = tenant.directory("small", "entra");
            String[] smallIds = new String[options.smallDirectory()];
            load.run("seed", SYNC_CLIENTS, null, options.smallDirectory(), i -> creator(small, "s-", smallIds));
            readsAt(small, smallIds, "s-");
            readsAt(big, bigIds, "b-");
            results.add(readWorkload("GET /Users/{id} (" + options.bigDirectory() + " users)", big,
                    n -> "Users/" + pick(bigIds)));
            results.add(cursorWalk(big, options.bigDirectory()));
        }
        if (options.runs("render")) {
            renderRounds(big, bigIds);
        }
        if (options.runs("writes")) {
            results.add(load.run("PATCH /Users/{id} active (" + options.bigDirectory() + " users)", CONNECTIONS,
                    options.readTime(), bigIds.length / 2, i -> patcher(big, bigIds)));
            results.add(load.run("PUT /Users/{id} (" + options.bigDirectory() + " users)", CONNECTIONS,
                    options.readTime(), bigIds.length / 2, i -> replacer(big, bigIds, "b-")));
        }
        if (options.runs("groups")) {
            groupMemberAdds(big, bigIds);
        }
    }

    /**
     * The same creates as the measured run, again after the sync: the 10 s windows right after the
     * warm-up fall inside the JIT's first minutes of compiling (C2 took about a quarter of the
     * server's CPU per create there: BENCHMARKS.md, "Eighth pass: the create's CPU"), so this row is
     * the create of a server that has long been in service. Into the same directory as the first
     * two, which by then holds their users only.
     */
    private void warmCreates() {
        results.add(load.run("POST /Users, full provisioning, " + CONNECTIONS + " connections, after the sync (JIT done)",
                CONNECTIONS, options.createTime(), Long.MAX_VALUE, i -> creator(creates, "cs" + i + "-", null)));
    }

    /**
     * Lets the server's JIT compile the paths measured below before anything is timed: creates, reads
     * (by id, filter, index and cursor pages), PATCH and PUT (timed cold, the JIT took 18–25 % of the
     * server's CPU in their windows: BENCHMARKS.md, sixth pass). Creates get a warm-up of their own
     * besides, measured as the first creates after start.
     */
    private void warmUp() {
        BenchDirectory warm = tenant.directory("warm-up", "generic");
        String[] ids = new String[options.quick() ? 300 : 3000];
        Duration time = Duration.ofSeconds(options.quick() ? 1 : 5);
        load.run("warm-up", CONNECTIONS, null, ids.length, i -> creator(warm, "w-", ids));
        load.run("warm-up", CONNECTIONS, time, Long.MAX_VALUE,
                i -> reader(warm, n -> switch ((int) (n % 5)) {
                    case 0 -> "Users/" + pick(ids);
                    case 1 -> "Users?filter=" + encode("userName eq \"w-" + (n % ids.length) + "@bench.example\"");
                    case 2 -> "Users?count=100&startIndex=" + (1 + n % ids.length);
                    case 3 -> "Users?count=100&cursor=" + (n % 2 == 0 ? "" : "&sortBy=userName");
                    default -> "ServiceProviderConfig";
                }));
        load.run("warm-up", CONNECTIONS, time, ids.length / 2, i -> patcher(warm, ids));
        load.run("warm-up", CONNECTIONS, time, ids.length / 2, i -> replacer(warm, ids, "w-"));
    }

    /**
     * A GET by id and a cursor page of the large directory, in turns: what rendering a resource and a
     * page costs, several times over in one run, so that two builds can be compared on a busy machine.
     */
    private void renderRounds(BenchDirectory big, String[] bigIds) {
        String size = bigIds.length + " users";
        for (int round = 1; round <= RENDER_ROUNDS; round++) {
            results.add(readWorkload("GET /Users/{id} (" + size + "), round " + round, big, n -> "Users/" + pick(bigIds)));
            results.add(load.run("GET /Users?count=100&cursor (" + size + "), round " + round, CONNECTIONS,
                    options.readTime(), Long.MAX_VALUE, i -> cursorReader(big, "")));
        }
    }

    private void readsAt(BenchDirectory directory, String[] ids, String prefix) {
        String size = ids.length + " users";
        results.add(readWorkload("GET /Users?count=100&startIndex=random (" + size + ")", directory,
                n -> "Users?count=" + PAGE + "&startIndex=" + (1 + ThreadLocalRandom.current().nextInt(ids.length))));
        results.add(readWorkload("GET /Users?count=100&startIndex=random&sortBy=userName (" + size + ")", directory,
                n -> "Users?count=" + PAGE + "&sortBy=userName&startIndex="
                        + (1 + ThreadLocalRandom.current().nextInt(ids.length))));
        results.add(load.run("GET /Users?count=100&cursor (" + size + ")", CONNECTIONS, options.readTime(),
                Long.MAX_VALUE, i -> cursorReader(directory, "")));
        results.add(load.run("GET /Users?count=100&cursor&sortBy=userName (" + size + ")", CONNECTIONS,
                options.readTime(), Long.MAX_VALUE, i -> cursorReader(directory, "&sortBy=userName")));
        results.add(lookupWorkload("filter userName eq (" + size + ")", directory,
                n -> "Users?filter=" + encode("userName eq \"" + prefix + pickIndex(ids) + "@bench.example\"")));
        results.add(lookupWorkload("filter externalId eq (" + size + ")", directory,
                n -> "Users?filter=" + encode("externalId eq \"" + prefix + pickIndex(ids) + "\"")));
        results.add(lookupWorkload("filter emails.value eq (" + size + ")", directory,
                n -> "Users?filter=" + encode("emails.value eq \"" + prefix + pickIndex(ids) + "." + run + "@bench.example\"")));
    }

    /** A filter that names one seeded user: a reply that does not find exactly that one counts as an error. */
    private Result lookupWorkload(String name, BenchDirectory directory, java.util.function.LongFunction<String> path) {
        return load.run(name, CONNECTIONS, options.readTime(), Long.MAX_VALUE, i -> {
            ScimClient client = new ScimClient(directory.scimUrl(), directory.token(), ScimClient.SCIM_JSON);
            return connection(client, n -> {
                Reply reply = client.get(path.apply(n));
                return reply.status() == 200 && FOUND_ONE.matcher(reply.text()).find();
            });
        });
    }

    private Result readWorkload(String name, BenchDirectory directory, java.util.function.LongFunction<String> path) {
        return load.run(name, CONNECTIONS, options.readTime(), Long.MAX_VALUE, i -> reader(directory, path));
    }

    private Load.Connection reader(BenchDirectory directory, java.util.function.LongFunction<String> path) {
        ScimClient client = new ScimClient(directory.scimUrl(), directory.token(), ScimClient.SCIM_JSON);
        return connection(client, n -> client.get(path.apply(n)).status() == 200);
    }

    /** Each connection walks the list page by page with the server's cursors, starting over at the end. */
    private Load.Connection cursorReader(BenchDirectory directory, String sort) {
        ScimClient client = new ScimClient(directory.scimUrl(), directory.token(), ScimClient.SCIM_JSON);
        String[] cursor = {""};
        return connection(client, n -> {
            Reply reply = client.get("Users?count=" + PAGE + sort + "&cursor=" + encode(cursor[0]));
            String next = jsonString(reply.text(), "nextCursor");
            cursor[0] = next == null ? "" : next;
            return reply.status() == 200;
        });
    }

    /** One client follows nextCursor from the first page to the last. */
    private Result cursorWalk(BenchDirectory directory, int size) {
        ScimClient client = new ScimClient(directory.scimUrl(), directory.token(), ScimClient.SCIM_JSON);
        String[] cursor = {""};
        int[] seen = {0};
        Result walk = load.run("cursor walk over " + size + " users (1 client)", 1, null, Long.MAX_VALUE, i ->
                connection(client, n -> {
                    if (cursor[0] == null) {
                        throw new Load.Finished();
                    }
                    Reply reply = client.get("Users?count=" + PAGE + "&cursor=" + encode(cursor[0]));
                    seen[0] += count(reply.text(), "\"userName\"");
                    cursor[0] = jsonString(reply.text(), "nextCursor");
                    return reply.status() == 200;
                }));
        return walk.withNote(String.format("wall %.1f s, %d users seen", walk.seconds(), seen[0]));
    }

    private Load.Connection creator(BenchDirectory directory, String prefix, String[] ids) {
        ScimClient client = new ScimClient(directory.scimUrl(), directory.token(), ScimClient.SCIM_JSON);
        return connection(client, n -> {
            Reply reply = client.post("Users", userJson(prefix + n, "Given" + n));
            if (ids != null && reply.status() == 201 && n < ids.length) {
                ids[(int) n] = jsonString(reply.text(), "id");
            }
            return reply.status() == 201;
        });
    }

    private Load.Connection patcher(BenchDirectory directory, String[] ids) {
        ScimClient client = new ScimClient(directory.scimUrl(), directory.token(), ScimClient.SCIM_JSON);
        return connection(client, n -> client.patch("Users/" + ids[(int) n],
                "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                        + "\"Operations\":[{\"op\":\"replace\",\"path\":\"active\",\"value\":false}]}").status() == 200);
    }

    /** Replaces users from the end of {@code ids}, each keeping its userName ({@code prefix} and its index). */
    private Load.Connection replacer(BenchDirectory directory, String[] ids, String prefix) {
        ScimClient client = new ScimClient(directory.scimUrl(), directory.token(), ScimClient.SCIM_JSON);
        return connection(client, n -> {
            int index = ids.length - 1 - (int) n;
            return client.put("Users/" + ids[index], userJson(prefix + index, "Renamed" + n)).status() == 200;
        });
    }

    /**
     * Adding one member to groups of 10, 1,000 and the large size: each group is filled through
     * PATCHes of 1,000 members, then each connection alternately adds one of its own users (timed)
     * and removes it again (not timed), so the group keeps its size.
     */
    private void groupMemberAdds(BenchDirectory directory, String[] ids) throws IOException {
        int connectionsUsers = CONNECTIONS * 2;
        int[] sizes = {10, 1_000, Math.min(options.largeGroup(), ids.length - connectionsUsers)};
        ScimClient client = new ScimClient(directory.scimUrl(), directory.token(), ScimClient.SCIM_JSON);
        for (int size : sizes) {
            Reply created = client.post("Groups", "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],"
                    + "\"displayName\":\"group of " + size + " " + run + "\"}");
            String groupId = jsonString(created.text(), "id");
            for (int from = 0; from < size; from += 1000) {
                StringBuilder members = new StringBuilder();
                for (int k = from; k < Math.min(size, from + 1000); k++) {
                    members.append(members.length() == 0 ? "" : ",").append("{\"value\":\"").append(ids[k]).append("\"}");
                }
                Reply filled = client.patch("Groups/" + groupId, memberPatch("add", "[" + members + "]"));
                if (filled.status() / 100 != 2) {
                    throw new IllegalStateException("filling the group answered " + filled.status() + ": " + filled.text());
                }
            }
            results.add(load.run("PATCH /Groups/{id} add one member (group of " + size + ")", CONNECTIONS,
                    options.readTime(), Long.MAX_VALUE, i -> {
                        ScimClient member = new ScimClient(directory.scimUrl(), directory.token(), ScimClient.SCIM_JSON);
                        String userId = ids[ids.length - 1 - i];
                        return new Load.Connection() {
                            @Override
                            public Load.Request request() {
                                return new Load.Request() {
                                    @Override
                                    public void untimed(long n) throws IOException {
                                        member.patch("Groups/" + groupId, memberPatch("remove", "[{\"value\":\"" + userId + "\"}]"));
                                    }

                                    @Override
                                    public boolean send(long n) throws IOException {
                                        return member.patch("Groups/" + groupId,
                                                memberPatch("add", "[{\"value\":\"" + userId + "\"}]")).status() / 100 == 2;
                                    }
                                };
                            }

                            @Override
                            public void close() {
                                member.close();
                            }
                        };
                    }));
        }
        client.close();
    }

    private static String memberPatch(String op, String value) {
        return "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":[{\"op\":\"" + op
                + "\",\"path\":\"members\",\"value\":" + value + "}]}";
    }

    private static Load.Connection connection(ScimClient client, Load.Request request) {
        return new Load.Connection() {
            @Override
            public Load.Request request() {
                return request;
            }

            @Override
            public void close() {
                client.close();
            }
        };
    }

    private String userJson(String name, String givenName) {
        String email = name + "." + run + "@bench.example";
        return "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"" + name
                + "@bench.example\",\"externalId\":\"" + name + "\",\"name\":{\"givenName\":\"" + givenName
                + "\",\"familyName\":\"Bench\"},\"emails\":[{\"value\":\"" + email
                + "\",\"type\":\"work\",\"primary\":true}],\"active\":true}";
    }

    private static String pick(String[] ids) {
        return ids[ThreadLocalRandom.current().nextInt(ids.length)];
    }

    private static int pickIndex(String[] ids) {
        return ThreadLocalRandom.current().nextInt(ids.length);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** The first string value of {@code "name":"..."} in a JSON text (values here never hold quotes). */
    static String jsonString(String json, String name) {
        String key = "\"" + name + "\":\"";
        int start = json.indexOf(key);
        if (start < 0) {
            return null;
        }
        start += key.length();
        return json.substring(start, json.indexOf('"', start));
    }

    private static int count(String text, String needle) {
        int count = 0;
        for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
            count++;
        }
        return count;
    }

    private String report(Instant started, String loadBefore, String loadAfter) {
        StringBuilder out = new StringBuilder();
        out.append("\n## scimgate benchmark, ").append(options.quick() ? "quick" : "full").append(" run")
                .append(options.only().isEmpty() ? "" : " (only " + String.join(", ", options.only()) + ")").append(", ")
                .append(started).append("\n\n")
                .append("- store: ").append(options.url() != null ? "server at " + options.url()
                        : options.dbUrl() != null ? options.dbUrl() : "H2 (embedded file, WRITE_DELAY=0)").append('\n')
                .append("- machine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores, ")
                .append(cpuModel()).append(", ").append(memTotal()).append('\n')
                .append("- load average before / after: ").append(loadBefore).append(" / ").append(loadAfter).append('\n')
                .append("- server JVM options: ").append(options.serverJvmOptions().isEmpty() ? "(none)"
                        : String.join(" ", options.serverJvmOptions())).append('\n')
                .append("- ceiling: GET /ServiceProviderConfig at ").append(String.format("%.0f", ceiling)).append(" req/s\n\n")
                .append("| workload | requests | errors | req/s | p50 ms | p99 ms | × ceiling | server CPU ms/req"
                        + " | database CPU ms/req | client CPU ms/req | server peak RSS MiB | note |\n")
                .append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |\n");
        for (Result result : results) {
            out.append(String.format("| %s | %d | %d | %.0f | %.1f | %.1f | %.3f | %s | %s | %s | %s | %s |%n",
                    result.workload(), result.requests(), result.errors(), result.throughput(), result.p50Millis(),
                    result.p99Millis(), ceiling > 0 ? result.throughput() / ceiling : Double.NaN,
                    figure(result.cpuMillisPerRequest(), "%.3f"), figure(result.databaseCpuMillisPerRequest(), "%.3f"),
                    figure(result.clientCpuMillisPerRequest(), "%.3f"), figure(result.peakRssMiB(), "%.0f"),
                    result.note()));
        }
        return out.toString();
    }

    private static String figure(double value, String format) {
        return Double.isNaN(value) ? "n/a" : String.format(format, value);
    }

    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(line -> line.startsWith("model name"))
                    .findFirst().map(line -> line.substring(line.indexOf(':') + 1).trim()).orElse("unknown CPU");
        } catch (IOException e) {
            return "unknown CPU";
        }
    }

    private static String memTotal() {
        try {
            return Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(line -> line.startsWith("MemTotal"))
                    .findFirst().map(line -> Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024 / 1024 + " GiB RAM")
                    .orElse("unknown RAM");
        } catch (IOException e) {
            return "unknown RAM";
        }
    }
}
