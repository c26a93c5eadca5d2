package io.scimgate.core.directory;

import java.util.Collection;
import java.util.Map;

/**
 * The changes one request makes to a group, applied in order inside one transaction. Member
 * operations touch only the rows they name; ids that are not users of the directory are ignored
 * (and logged), adding a member twice or removing a non-member changes nothing.
 */
public interface GroupEdit {

    DirectoryGroup current();

    void replaceData(DirectoryGroupData data);

    void addMembers(Collection<String> userIds);

    void removeMembers(Collection<String> userIds);

    void removeAllMembers();

    /** Makes the members exactly {@code userIds}: reads the current members to compute the difference. */
    void replaceMembers(Collection<String> userIds);

    /**
     * Records the display name the IdP sent with each of these members (null: it sent none), to be
     * echoed back. Ids that are not members are ignored; it is not a change of the group.
     */
    void memberDisplays(Map<String, String> displayByUserId);
}
