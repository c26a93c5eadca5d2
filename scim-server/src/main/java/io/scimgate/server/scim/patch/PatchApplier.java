package io.scimgate.server.scim.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgate.server.scim.ScimProblem;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.directory.scim.core.repository.PatchHandler;
import org.apache.directory.scim.spec.exception.MutabilityException;
import org.apache.directory.scim.spec.filter.AttributeComparisonExpression;
import org.apache.directory.scim.spec.filter.CompareOperator;
import org.apache.directory.scim.spec.filter.FilterExpression;
import org.apache.directory.scim.spec.filter.FilterExpressions;
import org.apache.directory.scim.spec.filter.GroupExpression;
import org.apache.directory.scim.spec.filter.LogicalExpression;
import org.apache.directory.scim.spec.filter.LogicalOperator;
import org.apache.directory.scim.spec.patch.PatchOperation;
import org.apache.directory.scim.spec.resources.ScimResource;

/**
 * Applies normalised operations with SCIMple's PatchHandler, one at a time, covering what M1 gets
 * wrong (IDP-QUIRKS.md §10.4 and §10.16): an {@code add} or {@code replace} through a
 * value-path filter that matches nothing creates the element from the filter's {@code eq} terms
 * (Entra's {@code emails[type eq "work"].value} on a user without a work email); removing what is not
 * there succeeds and changes nothing; adding a value a multi-valued attribute already holds adds
 * nothing. Whatever SCIMple still cannot apply is a 400, never a 500.
 */
public final class PatchApplier {

    private final PatchHandler delegate;
    private final ObjectMapper json;

    public PatchApplier(PatchHandler delegate, ObjectMapper json) {
        this.delegate = delegate;
        this.json = json;
    }

    public <T extends ScimResource> T apply(T resource, List<PatchOp> operations) {
        T current = resource;
        for (PatchOp operation : operations) {
            PatchOp effective = effective(current, operation);
            if (effective != null) {
                current = applyOne(current, effective);
            }
        }
        return current;
    }

    /** The operation SCIMple should apply instead of {@code op}, or null when there is nothing to do. */
    private PatchOp effective(ScimResource resource, PatchOp op) {
        ObjectNode document = json.valueToTree(resource);
        JsonNode container = op.extension() ? document.get(op.schema().getId()) : document;
        JsonNode current = container == null ? null : container.get(op.attribute().getName());
        if (op.type() == PatchOperation.Type.REMOVE) {
            if (current == null || current.isNull() || op.filter() != null && !anyMatch(current, op)) {
                return null;
            }
            return op;
        }
        if (op.filter() != null) {
            if (!anyMatch(current, op)) {
                return createFromFilter(op);
            }
            // SCIMple's add sets a sub-attribute of the matching elements; its replace swaps whole elements.
            return op.with(op.sub() != null ? PatchOperation.Type.ADD : PatchOperation.Type.REPLACE, op.filter(), op.value());
        }
        if (op.type() == PatchOperation.Type.ADD && op.attribute().isMultiValued() && op.sub() == null
                && current != null && current.isArray() && op.value().isArray()) {
            ArrayNode fresh = json.createArrayNode();
            op.value().forEach(item -> {
                if (!contains(current, item)) {
                    fresh.add(item);
                }
            });
            return fresh.isEmpty() ? null : op.with(op.type(), null, fresh);
        }
        return op;
    }

    private boolean anyMatch(JsonNode items, PatchOp op) {
        if (items == null || !items.isArray()) {
            return false;
        }
        Predicate<Object> matcher = FilterExpressions.inMemoryMap(op.filter(), op.schema());
        for (JsonNode item : items) {
            if (item.isObject() && matcher.test(json.convertValue(item, Map.class))) {
                return true;
            }
        }
        return false;
    }

    private PatchOp createFromFilter(PatchOp op) {
        ObjectNode element = json.createObjectNode();
        if (!equalityTerms(op.filter(), element)) {
            throw new ScimProblem(400, "noTarget", "Nothing matches '" + op.path()
                    + "', and only a filter of eq terms joined by and says what to create");
        }
        if (op.sub() != null) {
            element.set(op.sub().getName(), op.value());
        } else if (op.value().isObject()) {
            element.setAll((ObjectNode) op.value());
        }
        return new PatchOp(PatchOperation.Type.ADD, op.schema(), op.extension(), op.attribute(), null, null,
                json.createArrayNode().add(element));
    }

    private boolean equalityTerms(FilterExpression filter, ObjectNode element) {
        if (filter instanceof GroupExpression group && !group.isNot()) {
            return equalityTerms(group.getFilterExpression(), element);
        }
        if (filter instanceof LogicalExpression logical && logical.getOperator() == LogicalOperator.AND) {
            return equalityTerms(logical.getLeft(), element) && equalityTerms(logical.getRight(), element);
        }
        if (filter instanceof AttributeComparisonExpression comparison && comparison.getOperation() == CompareOperator.EQ) {
            element.set(comparison.getAttributePath().getSubAttributeName(), json.valueToTree(comparison.getCompareValue()));
            return true;
        }
        return false;
    }

    /** Whether an element of {@code items} already has every value {@code item} sets. */
    private static boolean contains(JsonNode items, JsonNode item) {
        for (JsonNode existing : items) {
            if (existing.equals(item) || item.isObject() && existing.isObject() && covers(existing, item)) {
                return true;
            }
        }
        return false;
    }

    private static boolean covers(JsonNode existing, JsonNode item) {
        for (var field : item.properties()) {
            if (!field.getValue().equals(existing.get(field.getKey()))) {
                return false;
            }
        }
        return true;
    }

    private <T extends ScimResource> T applyOne(T resource, PatchOp op) {
        try {
            return delegate.apply(resource, List.of(op.toScimple(json)));
        } catch (MutabilityException e) {
            throw ScimProblem.mutability(e.getMessage());
        } catch (ScimProblem e) {
            throw e;
        } catch (RuntimeException e) {
            // SCIMple M1 reports paths and values it cannot apply with NPEs, casts and the like.
            throw ScimProblem.invalidPath("'" + op.path() + "' cannot be applied with this value");
        }
    }
}
