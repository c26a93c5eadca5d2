package io.scimgate.core.provisioning.internal;

import static io.scimgate.core.store.schema.Tables.DIRECTORY_USER;

import io.scimgate.core.directory.internal.DirectoryUserRows;
import io.scimgate.core.directory.internal.DirectoryOrganizations;
import io.scimgate.core.directory.internal.DirectoryDeletionHook;
import io.scimgate.core.directory.DirectoryUser;
import io.scimgate.core.directory.internal.DirectoryUserLifecycle;
import io.scimgate.core.directory.internal.DirectoryUserWrite;
import io.scimgate.core.directory.internal.ProvisioningColumns;
import io.scimgate.core.directory.internal.GroupMembershipHook;
import io.scimgate.core.domain.DomainName;
import io.scimgate.core.domain.internal.DomainRows;
import io.scimgate.core.domain.internal.DomainVerifiedHook;
import io.scimgate.core.invitation.internal.InvitationRows;
import io.scimgate.core.membership.Membership;
import io.scimgate.core.membership.MembershipStatus;
import io.scimgate.core.membership.SessionRevoker;
import io.scimgate.core.membership.internal.GroupRoleMappings;
import io.scimgate.core.membership.internal.MembershipRows;
import io.scimgate.core.provisioning.ProvisioningState;
import io.scimgate.core.role.internal.MemberRoles;
import io.scimgate.core.store.internal.Ids;
import io.scimgate.core.store.internal.RetryableConflict;
import io.scimgate.core.store.internal.Tx;
import io.scimgate.core.tenant.OrganizationSettings;
import io.scimgate.core.tenant.internal.TenantCache;
import io.scimgate.core.user.User;
import io.scimgate.core.user.Users;
import io.scimgate.core.user.internal.UserRows;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jooq.DSLContext;

/**
 * The provisioning rules (RULES.md P9–P24): what a directory's changes to its users
 * and groups, and an organization's domain verification, do to Users, memberships and invitations.
 * Everything runs inside the transaction of the change that triggered it.
 */
public final class Provisioning implements DirectoryUserLifecycle, GroupMembershipHook, DomainVerifiedHook,
        DirectoryDeletionHook {

    private final UserRows userRows;
    private final MembershipRows membershipRows;
    private final InvitationRows invitationRows;
    private final SessionRevoker sessionRevoker;
    private final TenantCache tenants;
    private final MemberRoles memberRoles;

    public Provisioning(UserRows userRows, MembershipRows membershipRows, InvitationRows invitationRows,
            SessionRevoker sessionRevoker, TenantCache tenants, MemberRoles memberRoles) {
        this.userRows = userRows;
        this.membershipRows = membershipRows;
        this.invitationRows = invitationRows;
        this.sessionRevoker = sessionRevoker;
        this.tenants = tenants;
        this.memberRoles = memberRoles;
    }

    // ---- directory users -------------------------------------------------------------------

    /**
     * P9–P12 for a new directory user: its provisioning columns are decided before its row is
     * inserted, so that the row is written once. A person the store does not know yet gets the id
     * of the User created for it first, and the directory user is inserted holding it.
     */
    @Override
    public void created(Tx tx, String organizationId, DirectoryUser user, DirectoryUserWrite row) {
        if (!user.active()) {
            row.write(DirectoryUserLinks.unlinked(ProvisioningState.INACTIVE, "created inactive (P11)"));
            return;
        }
        String email = user.primaryEmail();
        if (!isEmailAddress(email)) {
            row.write(missingEmail(email));
            return;
        }
        DSLContext dsl = tx.dsl();
        Optional<String> known = UserRows.idByEmailKey(dsl, Users.emailKey(email));
        if (known.isEmpty()) {
            provisionNewPerson(tx, organizationId, user, email, row);
            return;
        }
        row.write(DirectoryUserLinks.PENDING);
        // Locked after the insert: a create takes its userName's key before the person's lock, as an update does.
        Optional<User> person = UserRows.lockById(dsl, known.get());
        provisionAs(tx, organizationId, user, person.isPresent() ? new FoundUser(person.get(), false)
                : findOrCreateUser(tx, organizationId, user, email));
    }

    /**
     * P12 for a person the store does not know: the directory user is inserted holding the User's id,
     * and the User is inserted after it (the userName's key first, then the email's, as before).
     */
    private void provisionNewPerson(Tx tx, String organizationId, DirectoryUser directoryUser, String email,
            DirectoryUserWrite row) {
        DSLContext dsl = tx.dsl();
        String userId = Ids.newId();
        row.write(DirectoryUserLinks.holding(userId));
        boolean verified = domainVerified(dsl, organizationId, DomainName.ofEmail(email));
        User created = tx.attempt("app_user_email_uk", () -> userRows.insert(tx, organizationId, userId, email,
                directoryUser.givenName(), directoryUser.familyName(), verified));
        if (created == null) {
            // H2 only (PostgreSQL runs the transaction again and finds the person): a concurrent create of this
            // person won; the directory user lets go of the id it chose and links to the winner's User.
            DirectoryUserLinks.unlink(dsl, directoryUser.id());
            provision(tx, organizationId, directoryUser, DirectoryUserLinks.PENDING);
            return;
        }
        giveMembership(tx, organizationId, created, directoryUser, true);
    }

    /**
     * The update's one write of the row carries the provisioning state a deactivation decides; every
     * other change keeps the stored columns there and provisions after it, as a create does.
     */
    @Override
    public void updated(Tx tx, String organizationId, DirectoryUser before, DirectoryUser after,
            ProvisioningColumns stored, DirectoryUserWrite row) {
        boolean provisioned = DirectoryUserLinks.state(stored) == ProvisioningState.PROVISIONED;
        if (!after.active()) {
            if (provisioned) {
                row.write(DirectoryUserLinks.in(stored, ProvisioningState.DEPROVISIONED, "deactivated by the directory"));
                deprovision(tx, organizationId, after, stored.provisionedUserId());
            } else if (DirectoryUserLinks.state(stored) != ProvisioningState.DEPROVISIONED) {
                row.write(DirectoryUserLinks.in(stored, ProvisioningState.INACTIVE, "inactive in the directory (P11)"));
            } else {
                row.write(stored);
            }
            return;
        }
        row.write(stored);
        if (provisioned) {
            updateNames(tx, organizationId, stored.provisionedUserId(), before, after);
            if (!before.idpRoles().equals(after.idpRoles())) {
                // P28: the directory changed the roles it assigns; what it no longer gives goes back to the default.
                memberRoles.recompute(tx, organizationId, List.of(stored.provisionedUserId()), MemberRoles.Otherwise.DEFAULT);
            }
        } else {
            provision(tx, organizationId, after, stored);
        }
    }

    /**
     * P19, P21; P10's handover: when a waiting directory user of the same directory takes the
     * deleted holder's place, the person stays a member throughout (never inactive, sessions kept).
     */
    @Override
    public void deleting(Tx tx, String organizationId, DirectoryUser user) {
        DSLContext dsl = tx.dsl();
        ProvisioningColumns link = DirectoryUserLinks.read(dsl, user.id());
        if (link.provisionedUserId() == null) {
            return;
        }
        Optional<DirectoryUser> successor = UserRows.lockById(dsl, link.provisionedUserId()).flatMap(held ->
                DirectoryUserLinks.oldestWaiting(dsl, user.directoryId(), Users.emailKey(held.email())))
                .filter(waiting -> !waiting.equals(user.id()))
                .map(waiting -> DirectoryUserRows.read(dsl, waiting));
        // Released first, so that a person another directory user still holds gets its roles without this one's (P28).
        DirectoryUserLinks.release(dsl, user.id());
        if (DirectoryUserLinks.state(link) == ProvisioningState.PROVISIONED && successor.isEmpty()) {
            deprovision(tx, organizationId, user, link.provisionedUserId());
        }
        successor.ifPresent(waiting -> provision(tx, organizationId, waiting,
                DirectoryUserLinks.read(dsl, waiting.id())));
    }

    /**
     * P6: the memberships a deleted directory managed become the organization's own (no longer
     * directory-managed), so that its admins can deactivate or remove them; a person another
     * directory of the organization still holds stays directory-managed.
     */
    @Override
    public void directoryDeleting(Tx tx, String organizationId, String directoryId) {
        DSLContext dsl = tx.dsl();
        for (String userId : DirectoryUserLinks.linkedUsers(dsl, directoryId)) {
            if (DirectoryUserLinks.heldByAnotherDirectory(dsl, organizationId, userId, directoryId)) {
                continue;
            }
            MembershipRows.lock(dsl, organizationId, userId)
                    .filter(stored -> stored.membership().directoryManaged())
                    .ifPresent(stored -> membershipRows.update(tx, stored, stored.membership().status(),
                            stored.membership().role(), stored.rememberedRole(), false));
        }
    }

    /**
     * P12–P15: links an active directory user to its User (creating it if needed) and gives that User
     * a membership of the organization, active on a verified domain, pending with an invitation otherwise.
     *
     * @param link the directory user's provisioning columns as they are now
     */
    private void provision(Tx tx, String organizationId, DirectoryUser directoryUser, ProvisioningColumns link) {
        DSLContext dsl = tx.dsl();
        Optional<User> linked = Optional.ofNullable(link.userId()).flatMap(id -> UserRows.lockById(dsl, id));
        String email = directoryUser.primaryEmail();
        if (linked.isEmpty() && !isEmailAddress(email)) {
            ProvisioningColumns missing = missingEmail(email);
            DirectoryUserLinks.setState(dsl, directoryUser.id(), DirectoryUserLinks.state(missing), missing.detail());
            return;
        }
        provisionAs(tx, organizationId, directoryUser, linked.isPresent() ? new FoundUser(linked.get(), false)
                : findOrCreateUser(tx, organizationId, directoryUser, email));
    }

    /** P10, P12–P15: the directory user holds the User it was found (or created) for, unless another holds it. */
    private void provisionAs(Tx tx, String organizationId, DirectoryUser directoryUser, FoundUser found) {
        DSLContext dsl = tx.dsl();
        User user = found.user();
        // A User created just now has no holder and no membership yet: nothing to look up.
        Optional<String> holder = found.createdNow() ? Optional.empty()
                : DirectoryUserLinks.holder(dsl, directoryUser.directoryId(), user.id());
        if (holder.isPresent() && !holder.get().equals(directoryUser.id())) {
            waitForHolder(dsl, directoryUser.id(), holder.get());
            return;
        }
        if (holder.isEmpty() && tx.attempt("directory_user_provisioned_uk",
                () -> DirectoryUserLinks.claim(dsl, directoryUser.id(), user.id())) == null) {
            String rival = DirectoryUserLinks.holder(dsl, directoryUser.directoryId(), user.id())
                    .orElseThrow(() -> new RetryableConflict("a concurrent directory user holds " + user.id()));
            waitForHolder(dsl, directoryUser.id(), rival);
            return;
        }
        giveMembership(tx, organizationId, user, directoryUser, found.createdNow());
        if (holder.isPresent()) {
            // A new holder was marked provisioned by its claim.
            DirectoryUserLinks.setState(dsl, directoryUser.id(), ProvisioningState.PROVISIONED, null);
        }
    }

    /** P13, P14, P17: the names a verified domain's directory gives, and the membership. */
    private void giveMembership(Tx tx, String organizationId, User user, DirectoryUser directoryUser, boolean newUser) {
        boolean verified = domainVerified(tx.dsl(), organizationId, user);
        User current = verified ? takeDirectoryNames(tx, organizationId, user, directoryUser) : user;
        ensureMembership(tx, organizationId, current, verified, directoryUser, newUser);
    }

    /** P9: a primary email that is an e-mail address. */
    private static boolean isEmailAddress(String email) {
        return email != null && DomainName.ofEmail(email) != null;
    }

    private static ProvisioningColumns missingEmail(String email) {
        return DirectoryUserLinks.unlinked(ProvisioningState.MISSING_EMAIL, email == null
                ? "no primary email (P9)"
                : "primary email '" + email + "' is not an e-mail address (P9)");
    }

    /** A User found or created for a directory user, and whether this transaction created it. */
    private record FoundUser(User user, boolean createdNow) {
    }

    /**
     * P12, P17: a User linked on a domain the organization verified is managed by the directory:
     * the names it sends replace the User's (a name it leaves out stays), and the email is verified.
     * When several organizations verified the domain, the latest directory to link or update wins.
     */
    private User takeDirectoryNames(Tx tx, String organizationId, User user, DirectoryUser directoryUser) {
        String firstName = directoryUser.givenName() != null ? directoryUser.givenName() : user.firstName();
        String lastName = directoryUser.familyName() != null ? directoryUser.familyName() : user.lastName();
        return userRows.update(tx, organizationId, user, firstName, lastName, true);
    }

    /** P12: the User with this email, across the whole store, or a new one. */
    private FoundUser findOrCreateUser(Tx tx, String organizationId, DirectoryUser directoryUser, String email) {
        DSLContext dsl = tx.dsl();
        String key = Users.emailKey(email);
        Optional<User> existing = UserRows.lockByEmailKey(dsl, key);
        if (existing.isPresent()) {
            return new FoundUser(existing.get(), false);
        }
        boolean verified = domainVerified(dsl, organizationId, DomainName.ofEmail(email));
        User created = tx.attempt("app_user_email_uk", () -> userRows.insert(tx, organizationId, email,
                directoryUser.givenName(), directoryUser.familyName(), verified));
        if (created != null) {
            return new FoundUser(created, true);
        }
        // A concurrent provisioning created this User first: link to the winner.
        return new FoundUser(UserRows.lockByEmailKey(dsl, key)
                .orElseThrow(() -> new RetryableConflict("the user " + key + " is being created concurrently")), false);
    }

    /** P13–P15, P20: the membership of the User in the organization. */
    private void ensureMembership(Tx tx, String organizationId, User user, boolean verified, DirectoryUser directoryUser,
            boolean newUser) {
        DSLContext dsl = tx.dsl();
        Optional<MembershipRows.Stored> stored = newUser ? Optional.empty() : MembershipRows.lock(dsl, organizationId, user.id());
        if (stored.isEmpty()) {
            MembershipStatus status = verified ? MembershipStatus.ACTIVE : MembershipStatus.PENDING;
            // A User created just now has this directory user only: it alone may give it a role (P28).
            String role = roleFor(dsl, organizationId, user.id(), null, !newUser || !directoryUser.idpRoles().isEmpty());
            Membership created = tx.attempt("organization_membership_uk",
                    () -> membershipRows.insert(tx, organizationId, user.id(), status, role, true));
            if (created != null) {
                if (status == MembershipStatus.PENDING) {
                    invitationRows.create(tx, organizationId, user, directoryUser.directoryId());
                }
                return;
            }
            stored = Optional.of(MembershipRows.lock(dsl, organizationId, user.id())
                    .orElseThrow(() -> new RetryableConflict("a membership of " + user.id() + " is being created concurrently")));
        }
        MembershipRows.Stored existing = stored.get();
        Membership membership = existing.membership();
        switch (membership.status()) {
            case INACTIVE -> membershipRows.update(tx, existing, MembershipStatus.ACTIVE,
                    roleFor(dsl, organizationId, user.id(), existing.rememberedRole(), true), null, true);
            case ACTIVE -> membershipRows.update(tx, existing, MembershipStatus.ACTIVE,
                    idpRoleOr(dsl, organizationId, user.id(), membership.role()),
                    existing.rememberedRole(), membership.directoryManaged() || verified);
            case PENDING -> {
                // P15: unchanged but for the role the directory assigns (P28), and no second invitation while one is pending.
                String role = idpRoleOr(dsl, organizationId, user.id(), membership.role());
                if (!role.equals(membership.role())) {
                    membershipRows.update(tx, existing, MembershipStatus.PENDING, role, existing.rememberedRole(),
                            membership.directoryManaged());
                }
            }
        }
    }

    /**
     * P19: an active membership becomes inactive with the default role (its role remembered) and
     * the user's sessions are revoked; a pending one is deleted with its invitation. Nothing happens
     * while another active directory user of the organization still holds the same person.
     */
    private void deprovision(Tx tx, String organizationId, DirectoryUser leaving, String userId) {
        DSLContext dsl = tx.dsl();
        if (DirectoryUserLinks.heldElsewhereInOrganization(dsl, organizationId, userId, leaving.id())) {
            // The membership stays with the role the person's remaining directory users give (P28); a role
            // the leaving one assigned goes back to the default unless they assign one too.
            memberRoles.recompute(tx, organizationId, List.of(userId), leaving.idpRoles().isEmpty()
                    ? MemberRoles.Otherwise.KEEP_CURRENT : MemberRoles.Otherwise.DEFAULT);
            return;
        }
        Optional<MembershipRows.Stored> stored = MembershipRows.lock(dsl, organizationId, userId);
        if (stored.isEmpty()) {
            return;
        }
        Membership membership = stored.get().membership();
        switch (membership.status()) {
            case ACTIVE -> {
                membershipRows.update(tx, stored.get(), MembershipStatus.INACTIVE, defaultRole(dsl, organizationId),
                        membership.role(), membership.directoryManaged());
                tx.afterCommit(() -> sessionRevoker.revokeSessions(userId, organizationId));
            }
            case PENDING -> {
                membershipRows.delete(tx, membership);
                invitationRows.revokePending(tx, organizationId, userId);
            }
            case INACTIVE -> {
                // already deprovisioned
            }
        }
    }

    /**
     * P17: name changes from the directory reach the User only when the organization verified the
     * domain of the User's email. The User's own email is used, not the directory user's current
     * one: a directory that renames an address onto its own domain (P18) gains no say over a person
     * it does not own.
     */
    private void updateNames(Tx tx, String organizationId, String userId, DirectoryUser before, DirectoryUser after) {
        if (Objects.equals(before.givenName(), after.givenName()) && Objects.equals(before.familyName(), after.familyName())) {
            return;
        }
        DSLContext dsl = tx.dsl();
        UserRows.lockById(dsl, userId)
                .filter(user -> domainVerified(dsl, organizationId, user))
                .ifPresent(user -> userRows.update(tx, organizationId, user, after.givenName(), after.familyName(),
                        user.emailVerified()));
    }

    // ---- groups (P22) ----------------------------------------------------------------------

    @Override
    public void membersChanged(Tx tx, String directoryId, String groupId, Set<String> addedUserIds,
            Set<String> removedUserIds) {
        DSLContext dsl = tx.dsl();
        String organizationId = DirectoryOrganizations.organizationOf(tenants, dsl, directoryId);
        if (!settings(dsl, organizationId).mapsGroupsToRoles()) {
            return;
        }
        Set<String> directoryUserIds = new HashSet<>(addedUserIds);
        directoryUserIds.addAll(removedUserIds);
        Set<String> people = new HashSet<>(dsl.select(DIRECTORY_USER.PROVISIONED_USER_ID).from(DIRECTORY_USER)
                .where(DIRECTORY_USER.ID.in(directoryUserIds), DIRECTORY_USER.PROVISIONED_USER_ID.isNotNull(),
                        DIRECTORY_USER.ACTIVE.isTrue())
                .fetch(DIRECTORY_USER.PROVISIONED_USER_ID));
        memberRoles.recompute(tx, organizationId, people, MemberRoles.Otherwise.DEFAULT);
    }

    // ---- domains (P24) ---------------------------------------------------------------------

    /** P24: pending directory memberships on a newly verified domain become active; their invitations are revoked. */
    @Override
    public void domainVerified(Tx tx, String organizationId, String domain) {
        DSLContext dsl = tx.dsl();
        for (var pending : MembershipRows.pendingWithEmails(dsl, organizationId)) {
            if (!domain.equals(DomainName.ofEmail(pending.email()))) {
                continue;
            }
            User user = UserRows.lockById(dsl, pending.userId()).orElseThrow();
            MembershipRows.lock(dsl, organizationId, user.id())
                    .filter(stored -> stored.membership().status() == MembershipStatus.PENDING)
                    .ifPresent(stored -> {
                        membershipRows.update(tx, stored, MembershipStatus.ACTIVE, stored.membership().role(),
                                stored.rememberedRole(), true);
                        invitationRows.revokePending(tx, organizationId, user.id());
                        userRows.update(tx, organizationId, user, user.firstName(), user.lastName(), true);
                    });
        }
    }

    // ---- helpers ---------------------------------------------------------------------------

    private void waitForHolder(DSLContext dsl, String directoryUserId, String holderId) {
        DirectoryUserLinks.setState(dsl, directoryUserId, ProvisioningState.DUPLICATE_EMAIL,
                "directory user " + holderId + " of this directory has the same primary email (P10)");
    }

    private boolean domainVerified(DSLContext dsl, String organizationId, User user) {
        return domainVerified(dsl, organizationId, DomainName.ofEmail(user.email()));
    }

    /**
     * P13: whether the organization verified {@code domain}. Verified domains come from the tenant
     * cache; a domain it does not list is checked in the store, so that a verification committed
     * a moment ago on another instance is not missed by a write that would leave a member pending.
     */
    private boolean domainVerified(DSLContext dsl, String organizationId, String domain) {
        if (domain == null) {
            return false;
        }
        return settings(dsl, organizationId).verifiedDomains().contains(domain) || DomainRows.isVerified(dsl, organizationId, domain);
    }

    private OrganizationSettings settings(DSLContext dsl, String organizationId) {
        OrganizationSettings settings = tenants.organization(dsl, organizationId);
        if (settings == null) {
            throw new IllegalStateException("Organization " + organizationId + " is gone");
        }
        return settings;
    }

    /**
     * P20, P22, P28: the IdP role, else the mapped role when the organization maps groups, else the
     * remembered role, else the default. Whether it maps groups comes from the tenant cache (a new
     * mapping reaches other instances within TenantCache.FRESH_FOR).
     */
    private String roleFor(DSLContext dsl, String organizationId, String userId, String rememberedRole,
            boolean mayHaveIdpRole) {
        String idp = mayHaveIdpRole ? MemberRoles.idpRole(dsl, organizationId, userId) : null;
        if (idp != null) {
            return idp;
        }
        OrganizationSettings settings = settings(dsl, organizationId);
        if (settings.mapsGroupsToRoles()) {
            return GroupRoleMappings.mappedRole(dsl, organizationId, userId).orElseGet(settings::defaultRole);
        }
        // A remembered role is one of the catalogue: removing a role from it clears the memories of it (P26).
        return rememberedRole != null ? rememberedRole : settings.defaultRole();
    }

    /** P28: the role the person's directory users assign, else {@code current}. */
    private static String idpRoleOr(DSLContext dsl, String organizationId, String userId, String current) {
        String idp = MemberRoles.idpRole(dsl, organizationId, userId);
        return idp != null ? idp : current;
    }

    private String defaultRole(DSLContext dsl, String organizationId) {
        return settings(dsl, organizationId).defaultRole();
    }
}
