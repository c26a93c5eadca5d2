package io.scimgate.core.domain;

import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import javax.naming.NameNotFoundException;
import javax.naming.NamingEnumeration;
import javax.naming.NamingException;
import javax.naming.directory.Attribute;
import javax.naming.directory.Attributes;
import javax.naming.directory.DirContext;
import javax.naming.directory.InitialDirContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Resolves TXT records with the JDK's own DNS client and the system's resolvers. */
public final class JndiTxtResolver implements TxtResolver {

    private static final Logger LOG = LoggerFactory.getLogger(JndiTxtResolver.class);

    @Override
    public List<String> txtRecords(String name) {
        Hashtable<String, String> env = new Hashtable<>();
        env.put("java.naming.factory.initial", "com.sun.jndi.dns.DnsContextFactory");
        env.put("com.sun.jndi.dns.timeout.initial", "2000");
        env.put("com.sun.jndi.dns.timeout.retries", "2");
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
