package io.scimgate.server.scim.groups;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgate.core.directory.GroupEdit;
import io.scimgate.core.directory.GroupMember;
import io.scimgate.server.http.RequestBudget;
import io.scimgate.server.scim.ScimProblem;
import io.scimgate.server.scim.patch.DocumentPatcher;
import io.scimgate.server.scim.patch.PatchOp;
import io.scimgate.server.scim.quirk.Quirks;
import io.scimgate.server.scim.quirk.RemovalByValueList;
import io.scimgate.server.scim.schema.ValueFilterMatcher;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
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

/**
 * Applies a group PATCH as edits of the provisioning core, in order, in its one transaction. Member
 * operations become row changes and never read the member list, except a {@code remove} through a
 * filter on members' other sub-attributes ({@code members[display sw "A"]}), which reads it once:
 * an {@code add} of members adds those (twice is once) with the {@code display} sent for each, which is
 * echoed back, a {@code remove} with a value list
 * ({@link RemovalByValueList}) or a {@code members[value eq "…"]} filter removes only those, a
 * {@code remove} of {@code members} without value or a {@code replace} with {@code []} empties the
 * group (IDP-QUIRKS.md §10.5, §10.16). Every other operation applies to the group's document without
 * its members, so an absent {@code members} key never clears them.
 */
final class GroupPatch {

    static final String WHAT = "this group";
    private static final String MEMBERS = "members";

    private final DocumentPatcher patcher;
    private final ScimGroupMapping mapping;
    private final Function<GroupEdit, ObjectNode> document;
    private final Function<GroupEdit, List<GroupMember>> members;

    GroupPatch(DocumentPatcher patcher, ScimGroupMapping mapping, Function<GroupEdit, ObjectNode> document,
            Function<GroupEdit, List<GroupMember>> members) {
        this.patcher = patcher;
        this.mapping = mapping;
        this.document = document;
        this.members = members;
    }

    void apply(GroupEdit edit, List<PatchOp> operations, Quirks quirks) {
        List<PatchOp> pending = new ArrayList<>();
        for (PatchOp operation : operations) {
            RequestBudget.checkDuringChange(WHAT);
            if (!operation.targets(MEMBERS)) {
                pending.add(operation);
                continue;
            }
            flush(edit, pending, quirks);
            members(edit, operation, quirks);
        }
        flush(edit, pending, quirks);
    }

    private void flush(GroupEdit edit, List<PatchOp> pending, Quirks quirks) {
        if (!pending.isEmpty()) {
            edit.replaceData(mapping.toData(patcher.apply(document.apply(edit), pending, quirks)));
            pending.clear();
        }
    }

    private void members(GroupEdit edit, PatchOp operation, Quirks quirks) {
        if (operation.path().hasSubAttribute()) {
            throw ScimProblem.invalidPath("Members are added, replaced or removed whole, by value; '"
                    + operation.describe() + "' names a part of a member");
        }
        FilterExpression filter = operation.path().filter();
        if (filter != null) {
            if (operation.type() != PatchOperation.Type.REMOVE) {
                throw ScimProblem.invalidPath("A members[...] filter can only remove members; add members with path members");
            }
            Set<String> ids = new LinkedHashSet<>();
            edit.removeMembers(valueEqualities(filter, ids) ? ids : matching(edit, operation));
            return;
        }
        Map<String, String> listed = members(operation.value());
        Set<String> ids = listed.keySet();
        switch (operation.type()) {
            case ADD -> {
                edit.addMembers(ids);
                edit.memberDisplays(listed);
            }
            case REPLACE -> {
                if (ids.isEmpty()) {
                    edit.removeAllMembers();
                } else {
                    edit.replaceMembers(ids);
                    edit.memberDisplays(listed);
                }
            }
            case REMOVE -> {
                if (operation.value() == null) {
                    edit.removeAllMembers();
                } else if (quirks.has(RemovalByValueList.class)) {
                    edit.removeMembers(ids);
                } else {
                    throw ScimProblem.invalidValue("A remove takes no value; remove members with members[value eq \"…\"]");
                }
            }
        }
    }

    /** The members a filter on their sub-attributes selects, read once from the group. */
    private Set<String> matching(GroupEdit edit, PatchOp operation) {
        ValueFilterMatcher matcher = ValueFilterMatcher.of(operation.path());
        Set<String> ids = new LinkedHashSet<>();
        for (GroupMember member : members.apply(edit)) {
            ObjectNode element = mapping.member(member, null);
            if (matcher.matches(element)) {
                ids.add(member.userId());
            }
        }
        return ids;
    }

    /** The members a value lists, by id, with the display the client sent for each (null for none). */
    private static Map<String, String> members(JsonNode value) {
        Map<String, String> members = new LinkedHashMap<>();
        if (value != null) {
            for (JsonNode member : value) {
                JsonNode id = member.get("value");
                if (id != null && id.isValueNode() && !id.asText().isBlank()) {
                    JsonNode display = member.get("display");
                    members.putIfAbsent(id.asText(), display != null && display.isTextual() ? display.asText() : null);
                }
            }
        }
        return members;
    }

    /** Whether the filter is {@code value eq "id"} terms joined by {@code or}; collects the ids when so. */
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
