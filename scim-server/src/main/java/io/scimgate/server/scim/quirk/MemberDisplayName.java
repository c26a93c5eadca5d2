package io.scimgate.server.scim.quirk;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A group member written with {@code displayName} instead of RFC 7643's {@code display}, as some
 * client libraries send it: read as {@code display} when that is absent, so the name the client
 * sent is echoed back (IDP-QUIRKS.md §9.1).
 */
public final class MemberDisplayName implements Quirk {

    public static final MemberDisplayName INSTANCE = new MemberDisplayName();

    private static final String SENT = "displayName";

    private MemberDisplayName() {
    }

    /** Moves a member's {@code displayName} to {@code display} unless it has one. */
    public void adjust(ObjectNode member) {
        String key = null;
        for (var names = member.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (name.equalsIgnoreCase(SENT)) {
                key = name;
            }
        }
        if (key == null) {
            return;
        }
        var value = member.remove(key);
        boolean hasDisplay = false;
        for (var names = member.fieldNames(); names.hasNext();) {
            hasDisplay |= names.next().equalsIgnoreCase("display");
        }
        if (!hasDisplay && value != null && value.isTextual()) {
            member.set("display", value);
        }
    }

    @Override
    public String clients() {
        return "SCIM client libraries that name a member's display displayName";
    }

    @Override
    public String source() {
        return "IDP-QUIRKS.md §9.1";
    }
}
