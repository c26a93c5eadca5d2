package io.scimgate.core.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.scimgate.core.ErrorCode;
import io.scimgate.core.ScimgateException;
import io.scimgate.core.organization.Organization;
import io.scimgate.core.testing.TestCore;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The admin API's reads of one user or group, which read by primary key and check the directory in Java (P5). */
class DirectoryDetailsTest {

    private TestCore test;
    private DirectoryDetails details;
    private String directoryId;
    private String otherDirectoryId;
    private DirectoryUser ana;
    private DirectoryGroup team;

    @BeforeEach
    void start() {
        test = TestCore.start();
        details = test.core().directoryDetails();
        Organization acme = test.core().organizations().create("Acme");
        directoryId = test.core().directories().create(acme.id(), "Okta", DirectoryProvider.OKTA).directory().id();
        otherDirectoryId = test.core().directories().create(acme.id(), "Entra", DirectoryProvider.ENTRA).directory().id();
        ana = test.core().directoryUsers().create(directoryId, DirectoryUsersTest.user("ana@corp.example"));
        team = test.core().directoryGroups().create(directoryId, new DirectoryGroupData("Team", null, "{}"), List.of(ana.id()));
    }

    @AfterEach
    void stop() {
        test.close();
    }

    @Test
    void P5_aUserOrGroupIsReadOnlyInItsOwnDirectory() {
        assertEquals(ana.id(), details.user(directoryId, ana.id()).id());
        assertEquals(List.of(new DirectoryUserDetails.GroupRef(team.id(), "Team")), details.user(directoryId, ana.id()).groups());
        assertEquals(1, details.group(directoryId, team.id()).memberCount());

        assertEquals(ErrorCode.DIRECTORY_USER_NOT_FOUND, assertThrows(ScimgateException.class,
                () -> details.user(otherDirectoryId, ana.id())).code());
        assertEquals(ErrorCode.DIRECTORY_GROUP_NOT_FOUND, assertThrows(ScimgateException.class,
                () -> details.group(otherDirectoryId, team.id())).code());
    }

    @Test
    void P5_anotherDirectorysIdsAreNeitherCursorsNorGroupsOfThisOne() {
        assertEquals(List.of(ana.id()), details.users(directoryId, team.id(), null, 10).stream().map(DirectoryUserDetails::id).toList());
        assertEquals(List.of(), details.users(directoryId, null, ana.id(), 10));

        assertEquals(ErrorCode.UNKNOWN_GROUP, assertThrows(ScimgateException.class,
                () -> details.users(otherDirectoryId, team.id(), null, 10)).code());
        assertEquals(ErrorCode.INVALID_CURSOR, assertThrows(ScimgateException.class,
                () -> details.users(otherDirectoryId, null, ana.id(), 10)).code());
        assertEquals(ErrorCode.INVALID_CURSOR, assertThrows(ScimgateException.class,
                () -> details.groups(otherDirectoryId, team.id(), 10)).code());
    }
}
