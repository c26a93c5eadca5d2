package io.scimgate.core.directory;

import java.util.Collection;

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
}
