package io.scimgate.server.scim.schema;

import io.scimgate.server.scim.ScimProblem;
import io.scimgate.server.scim.filter.ScimFilterParser;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.directory.scim.spec.filter.AttributeComparisonExpression;
import org.apache.directory.scim.spec.filter.AttributePresentExpression;
import org.apache.directory.scim.spec.filter.FilterExpression;
import org.apache.directory.scim.spec.filter.GroupExpression;
import org.apache.directory.scim.spec.filter.LogicalExpression;
import org.apache.directory.scim.spec.filter.attribute.AttributeReference;
import org.apache.directory.scim.spec.schema.Schema;
import org.apache.directory.scim.spec.schema.Schema.Attribute;

/**
 * The one resolver of attribute paths (RFC 7644 §3.10) for a resource type, used by document
 * normalisation, PATCH, projection ({@code attributes}), sorting and filters. It reads:
 * <ul>
 * <li>{@code userName}, {@code name.givenName}, and value paths {@code emails[type eq "work"].value};</li>
 * <li>attributes qualified by their schema's URN, with a colon or a dot after it
 * ({@code urn:…:enterprise:2.0:User:manager.value}, {@code urn:…:enterprise:2.0:User.manager});</li>
 * <li>URNs and names in any case, and legacy SCIM 1.x URIs ({@link io.scimgate.server.scim.quirk.LegacySchemaUris});</li>
 * <li>an attribute of a declared extension without its URN ({@code employeeNumber}, {@code manager});</li>
 * <li>attributes of extensions the server does not define (URNs under
 * {@value ResourceSchema#EXTENSION_NAMESPACE}), whose names are kept as sent: the URN ends at the last
 * colon, or at an extension URN the resource holds followed by a colon or a dot.</li>
 * </ul>
 * Names come back as the schema spells them. A path to nothing is an {@link UnknownPath}.
 */
public final class SchemaPaths {

    private static final Pattern NAME = Pattern.compile("[A-Za-z$][A-Za-z0-9_$-]*");
    private static final int MAX_PATH_LENGTH = 1024;

    private final ResourceSchema resource;

    public SchemaPaths(ResourceSchema resource) {
        this.resource = resource;
    }

    public ResourceSchema resource() {
        return resource;
    }

    public SchemaPath resolve(String text) {
        return resolve(text, List.of());
    }

    /**
     * @param presentUrns URNs of extensions the resource at hand holds or lists in {@code schemas}: an
     *        undeclared one may then be followed by a dot ({@code urn:…:User.costCenter})
     */
    public SchemaPath resolve(String text, Collection<String> presentUrns) {
        if (text == null || text.isBlank()) {
            throw UnknownPath.syntax(String.valueOf(text), "it is empty");
        }
        if (text.length() > MAX_PATH_LENGTH) {
            throw UnknownPath.syntax(text.substring(0, 40) + "…", "a path has at most " + MAX_PATH_LENGTH + " characters");
        }
        String path = text.strip();
        int open = path.indexOf('[');
        String head = open < 0 ? path : path.substring(0, open);
        String filterText = null;
        String tail = "";
        if (open >= 0) {
            int close = closingBracket(path, open);
            if (close < 0) {
                throw UnknownPath.syntax(text, "the value filter has no closing ]");
            }
            filterText = path.substring(open + 1, close);
            tail = path.substring(close + 1);
            if (!tail.isEmpty() && (!tail.startsWith(".") || !NAME.matcher(tail.substring(1)).matches())) {
                throw UnknownPath.syntax(text, "only .subAttribute may follow a value filter");
            }
        }
        SchemaPath located = locate(head, text, presentUrns);
        if (filterText == null) {
            return located;
        }
        if (located.wholeSchema() || located.hasSubAttribute()) {
            throw UnknownPath.syntax(text, "a value filter follows an attribute name");
        }
        if (located.declared() && !located.multiValued()) {
            throw UnknownPath.noSuchAttribute("'" + text + "' filters " + located.name() + ", which has a single value");
        }
        FilterExpression filter = valueFilter(filterText, located, text);
        SchemaPath withFilter = new SchemaPath(located.urn(), located.schema(), located.core(), located.attributeName(),
                located.attribute(), null, null, filter);
        return tail.isEmpty() ? withFilter : sub(withFilter, tail.substring(1), text);
    }

    /** A path as SCIMple's filter parser split it, read again as the text it came from. */
    public SchemaPath resolve(AttributeReference reference) {
        if (reference == null || reference.getAttributeName() == null) {
            throw UnknownPath.syntax("", "an attribute name is missing");
        }
        return resolve(reference.getFullyQualifiedAttributeName());
    }

    private SchemaPath locate(String head, String text, Collection<String> presentUrns) {
        if (!head.regionMatches(true, 0, "urn:", 0, 4)) {
            return inCoreOrDeclaredExtension(head, text);
        }
        for (Map.Entry<String, String> known : knownUrns(presentUrns).entrySet()) {
            String urn = known.getKey();
            if (head.length() == urn.length() && head.equalsIgnoreCase(urn)) {
                return wholeSchema(known.getValue());
            }
            if (head.length() > urn.length() + 1 && head.regionMatches(true, 0, urn, 0, urn.length())
                    && (head.charAt(urn.length()) == ':' || head.charAt(urn.length()) == '.')) {
                return attributeOf(known.getValue(), head.substring(urn.length() + 1), text);
            }
        }
        int lastColon = head.lastIndexOf(':');
        if (lastColon <= 4 || lastColon == head.length() - 1) {
            throw UnknownPath.syntax(text, "a URN must be followed by an attribute name");
        }
        String urn = head.substring(0, lastColon);
        if (!ResourceSchema.isExtensionNamespace(urn)) {
            throw UnknownPath.noSuchAttribute("'" + text + "' names a schema a " + resource.name()
                    + " does not have; extensions are named under " + ResourceSchema.EXTENSION_NAMESPACE);
        }
        return attributeOf(urn, head.substring(lastColon + 1), text);
    }

    /** Lower-case URNs a path may start with, mapped to their canonical spelling; longest first. */
    private Map<String, String> knownUrns(Collection<String> presentUrns) {
        Map<String, String> known = new LinkedHashMap<>();
        List<String> all = new ArrayList<>(resource.declaredUrnsLongestFirst());
        Map<String, String> present = new LinkedHashMap<>();
        presentUrns.stream().filter(ResourceSchema::isExtensionNamespace).forEach(urn -> {
            all.add(ResourceSchema.lower(urn));
            present.putIfAbsent(ResourceSchema.lower(urn), urn);
        });
        all.sort(Comparator.comparingInt(String::length).reversed());
        for (String lower : all) {
            known.putIfAbsent(lower, resource.declaredUrn(lower).orElse(present.get(lower)));
        }
        return known;
    }

    private SchemaPath wholeSchema(String urn) {
        Schema schema = resource.schema(urn);
        return new SchemaPath(urn, schema, resource.isCore(urn), null, null, null, null, null);
    }

    private SchemaPath inCoreOrDeclaredExtension(String local, String text) {
        String[] names = split(local, text);
        if (resource.core().getAttribute(names[0]) == null) {
            for (Schema extension : resource.extensions()) {
                if (extension.getAttribute(names[0]) != null) {
                    return attributeOf(extension.getId(), local, text);
                }
            }
        }
        return attributeOf(resource.core().getId(), local, text);
    }

    private SchemaPath attributeOf(String urn, String local, String text) {
        String[] names = split(local, text);
        String canonicalUrn = resource.declaredUrn(urn).orElse(urn);
        Schema schema = resource.schema(canonicalUrn);
        boolean core = resource.isCore(canonicalUrn);
        if (schema == null) {
            SchemaPath undeclared = new SchemaPath(canonicalUrn, null, false, names[0], null, null, null, null);
            return names.length == 1 ? undeclared : undeclared.withSubAttribute(names[1], null);
        }
        Attribute attribute = schema.getAttribute(names[0]);
        if (attribute == null) {
            throw UnknownPath.noSuchAttribute("'" + text + "' is not an attribute of a " + resource.name()
                    + (core ? "" : " in " + canonicalUrn));
        }
        SchemaPath path = new SchemaPath(canonicalUrn, schema, core, attribute.getName(), attribute, null, null, null);
        return names.length == 1 ? path : sub(path, names[1], text);
    }

    private SchemaPath sub(SchemaPath path, String name, String text) {
        if (!path.declared()) {
            return path.withSubAttribute(name, null);
        }
        Attribute sub = path.attribute().getType() == Attribute.Type.COMPLEX ? path.attribute().getAttribute(name) : null;
        if (sub == null) {
            throw UnknownPath.noSuchAttribute("'" + text + "' is not an attribute of a " + resource.name()
                    + ": " + path.attributeName() + " has no sub-attribute " + name);
        }
        return path.withSubAttribute(sub.getName(), sub);
    }

    private static String[] split(String local, String text) {
        String[] names = local.split("\\.", -1);
        if (names.length > 2) {
            throw UnknownPath.syntax(text, "an attribute has one level of sub-attributes");
        }
        for (String name : names) {
            if (!NAME.matcher(name).matches()) {
                throw UnknownPath.syntax(text, "'" + name + "' is not an attribute name");
            }
        }
        return names;
    }

    /** The filter of a value path, its attribute names those of {@code parent}'s sub-attributes. */
    private FilterExpression valueFilter(String filterText, SchemaPath parent, String text) {
        FilterExpression filter;
        try {
            filter = ScimFilterParser.parse(filterText);
        } catch (ScimProblem e) {
            throw UnknownPath.syntax(text, e.getMessage());
        }
        if (filter == null) {
            throw UnknownPath.syntax(text, "the value filter is empty");
        }
        canonicalize(filter, parent, text);
        return filter;
    }

    private void canonicalize(FilterExpression filter, SchemaPath parent, String text) {
        if (filter instanceof LogicalExpression logical) {
            canonicalize(logical.getLeft(), parent, text);
            canonicalize(logical.getRight(), parent, text);
        } else if (filter instanceof GroupExpression group) {
            canonicalize(group.getFilterExpression(), parent, text);
        } else if (filter instanceof AttributeComparisonExpression comparison) {
            canonicalize(comparison.getAttributePath(), parent, text);
        } else if (filter instanceof AttributePresentExpression present) {
            canonicalize(present.getAttributePath(), parent, text);
        } else {
            throw UnknownPath.syntax(text, "value filters cannot be nested");
        }
    }

    private static void canonicalize(AttributeReference reference, SchemaPath parent, String text) {
        String name = reference.getSubAttributeName() != null
                && reference.getAttributeName().equalsIgnoreCase(parent.attributeName())
                ? reference.getSubAttributeName()
                : reference.getSubAttributeName() == null ? reference.getAttributeName() : null;
        if (name == null) {
            throw UnknownPath.syntax(text, "inside " + parent.attributeName() + "[…] a filter tests sub-attributes of "
                    + parent.attributeName());
        }
        String canonical = name;
        if (parent.declared()) {
            Attribute sub = parent.attribute().getAttribute(name);
            if (sub == null) {
                throw UnknownPath.noSuchAttribute("'" + text + "' filters on " + name + ", which "
                        + parent.attributeName() + " does not have");
            }
            canonical = sub.getName();
        }
        reference.setUrn(parent.core() ? null : parent.urn());
        reference.setAttributeName(parent.attributeName());
        reference.setSubAttributeName(canonical);
    }

    /** The index of the ']' closing the '[' at {@code open}, skipping quoted strings; -1 when none. */
    private static int closingBracket(String text, int open) {
        boolean quoted = false;
        for (int i = open + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    quoted = false;
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ']') {
                return i;
            } else if (c == '[') {
                return -1;
            }
        }
        return -1;
    }
}
