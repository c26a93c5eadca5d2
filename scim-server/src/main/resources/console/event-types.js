// The event types the core emits (README "What a push does to people").
export const EVENT_TYPES = [
  'dsync.user.created', 'dsync.user.updated', 'dsync.user.deleted',
  'dsync.group.created', 'dsync.group.updated', 'dsync.group.deleted',
  'dsync.group.user_added', 'dsync.group.user_removed', 'dsync.deleted',
  'user.created', 'user.updated',
  'organization.created', 'organization.updated', 'organization_domain.verified',
  'organization_membership.created', 'organization_membership.updated', 'organization_membership.deleted',
  'invitation.created', 'invitation.resent', 'invitation.accepted', 'invitation.revoked',
  'role.created', 'role.updated', 'role.deleted',
];
