package io.scimgate.core.domain;

import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.stream.Collectors;
import javax.naming.NameNotFoundException;
import javax.naming.NamingEnumeration;
import javax.naming.NamingException;
import javax.naming.directory.Attribute;
import javax.naming.directory.Attributes;
import javax.naming.directory.DirContext;
import javax.naming.directory.InitialDirContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Resolves TXT records with the JDK's own DNS client: through the system's resolvers, or through
 * the name servers given ({@code host} or {@code host:port}, e.g. {@code 10.0.0.2} or
 * {@code 127.0.0.1:5353}), tried in order.
 */
public final class JndiTxtResolver implements TxtResolver {

    private static final Logger LOG = LoggerFactory.getLogger(JndiTxtResolver.class);

    private final String providerUrl;

    /** Through the system's resolvers. */
    public JndiTxtResolver() {
        this(List.of());
    }

    public JndiTxtResolver(List<String> nameServers) {
        this.providerUrl = nameServers.isEmpty() ? null
                : nameServers.stream().map(JndiTxtResolver::dnsUrl).collect(Collectors.joining(" "));
    }

    /**
     * Parses a comma-separated list of name servers, e.g. {@code 10.0.0.2, 127.0.0.1:5353}.
     *
     * @throws IllegalArgumentException naming an entry that is no host or host:port
     */
    public static List<String> nameServers(String list) {
        List<String> servers = new ArrayList<>();
        for (String entry : list.split(",")) {
            String server = entry.strip();
            if (server.isEmpty()) {
                continue;
            }
            if (!server.matches("[A-Za-z0-9.-]+(:[0-9]{1,5})?|\\[[0-9A-Fa-f:]+](:[0-9]{1,5})?")) {
                throw new IllegalArgumentException("'" + server + "' is not a name server (host or host:port)");
            }
            servers.add(server);
        }
        if (servers.isEmpty()) {
            throw new IllegalArgumentException("no name server given");
        }
        return servers;
    }

    private static String dnsUrl(String server) {
        return "dns://" + server + "/";
    }

    @Override
    public List<String> txtRecords(String name) {
        Hashtable<String, String> env = new Hashtable<>();
        env.put("java.naming.factory.initial", "com.sun.jndi.dns.DnsContextFactory");
        env.put("com.sun.jndi.dns.timeout.initial", "2000");
        env.put("com.sun.jndi.dns.timeout.retries", "2");
        if (providerUrl != null) {
            env.put("java.naming.provider.url", providerUrl);
        }
        DirContext context = null;
        try {
            context = new InitialDirContext(env);
            Attributes attributes = context.getAttributes(name, new String[] {"TXT"});
            Attribute txt = attributes.get("TXT");
            List<String> values = new ArrayList<>();
            if (txt != null) {
                NamingEnumeration<?> all = txt.getAll();
                while (all.hasMore()) {
                    values.add(unquote(String.valueOf(all.next())));
                }
            }
            return values;
        } catch (NameNotFoundException e) {
            return List.of();
        } catch (NamingException e) {
            LOG.info("TXT lookup of {} failed: {}", name, e.getMessage());
            return List.of();
        } finally {
            if (context != null) {
                try {
                    context.close();
                } catch (NamingException ignored) {
                    // nothing left to release
                }
            }
        }
    }

    /** JNDI returns a TXT record as its quoted character-strings; join them as DNS does. */
    static String unquote(String raw) {
        StringBuilder joined = new StringBuilder();
        boolean quoted = false;
        boolean sawQuote = false;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '"') {
                quoted = !quoted;
                sawQuote = true;
            } else if (quoted || !sawQuote || c != ' ') {
                joined.append(c);
            }
        }
        return joined.toString();
    }
}
