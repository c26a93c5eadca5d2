package io.scimgate.server.scim.groups;

import com.fasterxml.jackson.databind.JsonNode;
import io.scimgate.core.directory.GroupEdit;
import io.scimgate.server.scim.ScimProblem;
import io.scimgate.server.scim.patch.PatchApplier;
import io.scimgate.server.scim.patch.PatchOp;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.apache.directory.scim.spec.filter.AttributeComparisonExpression;
import org.apache.directory.scim.spec.filter.CompareOperator;
import org.apache.directory.scim.spec.filter.FilterExpression;
import org.apache.directory.scim.spec.filter.GroupExpression;
import org.apache.directory.scim.spec.filter.LogicalExpression;
import org.apache.directory.scim.spec.filter.LogicalOperator;
import org.apache.directory.scim.spec.patch.PatchOperation;
import org.apache.directory.scim.spec.resources.ScimGroup;

/**
 * Applies a group PATCH as edits of the provisioning core, in order, in its one transaction. Member
 * operations become row changes and never read the member list ({@code replace} compares with it):
 * an {@code add} of members adds those (twice is once), a {@code remove} with a value list or a
 * {@code members[value eq "…"]} filter removes only those, a {@code remove} of {@code members}
 * without value or a {@code replace} with {@code []} empties the group (IDP-QUIRKS.md §10.5 and §10.16).
 * Every other operation goes through the PatchHandler on the group without its members, so an
 * absent {@code members} key never clears them.
 */
final class GroupPatch {

    private static final String MEMBERS = "members";

    private final PatchApplier applier;
    private final Function<GroupEdit, ScimGroup> current;
    private final ScimGroupMapping mapping;

    GroupPatch(PatchApplier applier, ScimGroupMapping mapping, Function<GroupEdit, ScimGroup> current) {
        this.applier = applier;
        this.mapping = mapping;
        this.current = current;
    }

    void apply(GroupEdit edit, List<PatchOp> operations) {
        List<PatchOp> pending = new ArrayList<>();
        for (PatchOp operation : operations) {
            if (!operation.targets(MEMBERS)) {
                pending.add(operation);
                continue;
            }
            flush(edit, pending);
            members(edit, operation);
        }
        flush(edit, pending);
    }

    private void flush(GroupEdit edit, List<PatchOp> pending) {
        if (!pending.isEmpty()) {
            edit.replaceData(mapping.toData(applier.apply(current.apply(edit), pending)));
            pending.clear();
        }
    }

    private static void members(GroupEdit edit, PatchOp operation) {
        if (operation.sub() != null) {
            throw ScimProblem.invalidPath("Members are added, replaced or removed whole, by value; '"
                    + operation.path() + "' names a part of a member");
        }
        if (operation.filter() != null) {
            if (operation.type() != PatchOperation.Type.REMOVE) {
                throw ScimProblem.invalidPath("A members[...] filter can only remove members; add members with path members");
            }
            Set<String> ids = new LinkedHashSet<>();
            if (!valueEqualities(operation.filter(), ids)) {
                throw ScimProblem.invalidFilter("A members[...] filter in PATCH names members as value eq \"id\", joined by or");
            }
            edit.removeMembers(ids);
            return;
        }
        Set<String> ids = ids(operation.value());
        switch (operation.type()) {
            case ADD -> edit.addMembers(ids);
            case REPLACE -> {
                if (ids.isEmpty()) {
                    edit.removeAllMembers();
                } else {
                    edit.replaceMembers(ids);
                }
            }
            case REMOVE -> {
                if (operation.value() == null) {
                    edit.removeAllMembers();
                } else {
                    edit.removeMembers(ids);
                }
            }
        }
    }

    private static Set<String> ids(JsonNode value) {
        Set<String> ids = new LinkedHashSet<>();
        if (value != null) {
            for (JsonNode member : value) {
                JsonNode id = member.get("value");
                if (id != null && id.isValueNode() && !id.asText().isBlank()) {
                    ids.add(id.asText());
                }
            }
        }
        return ids;
    }

    private static boolean valueEqualities(FilterExpression filter, Set<String> ids) {
        if (filter instanceof GroupExpression group && !group.isNot()) {
            return valueEqualities(group.getFilterExpression(), ids);
        }
        if (filter instanceof LogicalExpression logical && logical.getOperator() == LogicalOperator.OR) {
            return valueEqualities(logical.getLeft(), ids) && valueEqualities(logical.getRight(), ids);
        }
        if (filter instanceof AttributeComparisonExpression comparison && comparison.getOperation() == CompareOperator.EQ
                && "value".equals(comparison.getAttributePath().getSubAttributeName())
                && comparison.getCompareValue() != null) {
            ids.add(String.valueOf(comparison.getCompareValue()));
            return true;
        }
        return false;
    }
}
