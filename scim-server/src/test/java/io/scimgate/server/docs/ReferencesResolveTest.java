package io.scimgate.server.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Every provisioning rule and IdP quirk the code cites exists in the repository's documents:
 * {@code provisioning-core/RULES.md} defines each rule under a heading {@code ### P<n>}, and
 * {@code scim-server/IDP-QUIRKS.md} each section under a heading {@code ## §<n>} or
 * {@code ### §<n>.<m>} (or a table row {@code | §<n>.<m> |}). Rule citations are read from every
 * Java source and the README, quirk citations from every Java source and Markdown document.
 */
class ReferencesResolveTest {

    /** A rule number not glued to letters or digits: {@code P13}, {@code P14_P23_aGuest…}, not {@code P7D} or {@code HTTP2}. */
    private static final Pattern RULE = Pattern.compile("(?<![A-Za-z0-9])P([0-9]{1,2})(?![0-9A-Za-z])");
    private static final Pattern QUIRK_CITATION = Pattern.compile(
            "IDP-QUIRKS\\.md\\s+(§[0-9]+(?:\\.[0-9]+)?(?:\\s*(?:,|and|or)\\s*§[0-9]+(?:\\.[0-9]+)?)*)");
    private static final Pattern SECTION = Pattern.compile("§([0-9]+(?:\\.[0-9]+)?)");
    private static final Pattern RULE_HEADING = Pattern.compile("(?m)^###\\s+P([0-9]+)\\s*$");
    private static final Pattern QUIRK_HEADING = Pattern.compile("(?m)^(?:#{2,3}\\s+|\\|\\s*)§([0-9]+(?:\\.[0-9]+)?)[\\s|]");
    private static final Pattern RETIRED_NAMES = Pattern.compile("idp-quirks §|provisioning-rules\\.md|stack-notes");

    private static final Path ROOT = projectRoot();

    @Test
    @DisplayName("Every rule cited as P<n> has its section in provisioning-core/RULES.md")
    void everyCitedRuleIsDefined() {
        Set<String> defined = matches(RULE_HEADING, read(ROOT.resolve("provisioning-core/RULES.md")));
        assertTrue(defined.contains("1") && defined.contains("25"), "RULES.md defines P1 to P25: " + defined);
        List<String> unresolved = new ArrayList<>();
        for (Path file : sources()) {
            if (!file.toString().endsWith(".java") && !file.endsWith("README.md")) {
                continue; // other documents may say P99 and mean a percentile
            }
            Matcher rule = RULE.matcher(read(file));
            while (rule.find()) {
                if (!defined.contains(rule.group(1))) {
                    unresolved.add(ROOT.relativize(file) + ": P" + rule.group(1));
                }
            }
        }
        assertEquals(List.of(), unresolved, "rules cited but not defined in provisioning-core/RULES.md");
    }

    @Test
    @DisplayName("Every IDP-QUIRKS.md §n or §n.m citation has its section in scim-server/IDP-QUIRKS.md")
    void everyCitedQuirkIsDefined() {
        Set<String> defined = matches(QUIRK_HEADING, read(ROOT.resolve("scim-server/IDP-QUIRKS.md")));
        List<String> unresolved = new ArrayList<>();
        int citations = 0;
        for (Path file : sources()) {
            Matcher citation = QUIRK_CITATION.matcher(read(file));
            while (citation.find()) {
                for (String section : matches(SECTION, citation.group(1))) {
                    citations++;
                    if (!defined.contains(section)) {
                        unresolved.add(ROOT.relativize(file) + ": §" + section);
                    }
                }
            }
        }
        assertTrue(citations > 0, "the code cites IDP-QUIRKS.md");
        assertEquals(List.of(), unresolved, "sections cited but not defined in scim-server/IDP-QUIRKS.md");
    }

    @Test
    @DisplayName("Nothing cites documents that are not in the repository")
    void nothingCitesDocumentsOutsideTheRepository() {
        List<String> stale = new ArrayList<>();
        for (Path file : sources()) {
            Matcher retired = RETIRED_NAMES.matcher(read(file));
            if (retired.find()) {
                stale.add(ROOT.relativize(file) + ": " + retired.group());
            }
        }
        assertEquals(List.of(), stale, "cite provisioning-core/RULES.md or scim-server/IDP-QUIRKS.md instead");
    }

    private static List<Path> sources() {
        try (Stream<Path> files = Files.walk(ROOT)) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> !ROOT.relativize(file).toString().contains("target"))
                    .filter(file -> !ROOT.relativize(file).startsWith(".git"))
                    .filter(file -> file.toString().endsWith(".java") || file.toString().endsWith(".md"))
                    .filter(file -> !file.endsWith("ReferencesResolveTest.java"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<String> matches(Pattern pattern, String text) {
        Set<String> found = new TreeSet<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Tests run in the module's folder; the project root is the folder holding RULES.md's module. */
    private static Path projectRoot() {
        Path here = Path.of("").toAbsolutePath();
        for (Path candidate = here; candidate != null; candidate = candidate.getParent()) {
            if (Files.isRegularFile(candidate.resolve("provisioning-core/RULES.md"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("No project root above " + here);
    }
}
