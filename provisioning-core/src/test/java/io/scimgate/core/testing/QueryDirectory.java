package io.scimgate.core.testing;

import io.scimgate.core.ProvisioningCore;
import io.scimgate.core.directory.DirectoryGroupData;
import io.scimgate.core.directory.DirectoryProvider;
import io.scimgate.core.directory.DirectoryUser;
import io.scimgate.core.directory.DirectoryUserData;
import io.scimgate.core.directory.EmailAddress;
import java.util.List;
import java.util.Map;

/**
 * The small directory that filter tests query: users ana, bo and cy, whose values differ in case,
 * in LIKE wildcards ({@code cy%x}, {@code Bo_Ng}) and in which of them are absent; groups eng (ana,
 * bo) and ops (bo); and, in another directory of the same organization, look-alikes of ana and eng
 * that no query of the first may reach (RULES.md P5).
 *
 * @param ids the resources of {@code directoryId} by name: ana, bo, cy, eng, ops
 */
public record QueryDirectory(String directoryId, String otherDirectoryId, Map<String, String> ids) {

    /** Seeds the directories; {@code boEmployeeNumber} is bo's enterprise employeeNumber (the tests compare it as text). */
    public static QueryDirectory seed(ProvisioningCore core, String boEmployeeNumber) {
        String organizationId = core.organizations().create("Acme").id();
        String directoryId = core.directories().create(organizationId, "Okta", DirectoryProvider.OKTA).directory().id();
        String otherDirectory = core.directories().create(organizationId, "Entra", DirectoryProvider.ENTRA).directory().id();
        DirectoryUser ana = core.directoryUsers().create(directoryId, new DirectoryUserData("Ana.Lee@Corp.Example", "Ext-1",
                true, "Ana Lee", "Ana", "Lee", List.of(new EmailAddress("Ana.Lee@Corp.Example", "work", true),
                        new EmailAddress("ana@home.example", "home", false)), "Engineer", "0042", "R&D", "{}"));
        DirectoryUser bo = core.directoryUsers().create(directoryId, new DirectoryUserData("bo@corp.example", "ext-1", false,
                "Bo_Ng", "Bo", "Ng", List.of(new EmailAddress("bo@corp.example", "work", false)), "Manager", boEmployeeNumber,
                "Sales", "{}"));
        DirectoryUser cy = core.directoryUsers().create(directoryId, new DirectoryUserData("cy%x@corp.example", null, true, null,
                "Cy", null, List.of(), null, null, null, "{}"));
        core.directoryUsers().create(otherDirectory, new DirectoryUserData("ana.lee@corp.example", "Ext-1", true, "Ana Lee",
                "Ana", "Lee", List.of(), "Engineer", "0042", "R&D", "{}"));
        String eng = core.directoryGroups().create(directoryId, new DirectoryGroupData("Engineering", "G-1", "{}"),
                List.of(ana.id(), bo.id())).id();
        String ops = core.directoryGroups().create(directoryId, new DirectoryGroupData("Ops", null, "{}"), List.of(bo.id())).id();
        core.directoryGroups().create(otherDirectory, new DirectoryGroupData("Engineering", "G-1", "{}"), List.of());
        return new QueryDirectory(directoryId, otherDirectory,
                Map.of("ana", ana.id(), "bo", bo.id(), "cy", cy.id(), "eng", eng, "ops", ops));
    }
}
