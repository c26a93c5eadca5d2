// One organization: what to do next, domains, directories, members, invitations, group roles, settings.
import { h, field, select, onSubmit, table, link, time, badge, section, emptyState, copyable, confirmButton,
  replaceChildren } from './dom.js';
import * as api from './api.js';
import { pageHeader, notify, notifyError, fill } from './ui.js';
import { onboardingSteps } from './onboarding.js';
import { PROVIDERS, providerName } from './providers.js';
import { rowEditor } from './row-editor.js';

export async function render(organizationId) {
  const path = `organizations/${encodeURIComponent(organizationId)}`;
  const organization = await api.get(path);
  const page = new OrganizationPage(organization, path);
  return page.element;
}

class OrganizationPage {
  constructor(organization, path) {
    this.organization = organization;
    this.path = path;
    this.nextStep = h('div', { id: 'next-step' });
    this.domains = h('div', { id: 'domains' });
    this.directories = h('div', { id: 'directories' });
    this.createdDirectory = h('div', { id: 'created-directory' });
    this.members = h('div', { id: 'members' });
    this.invitations = h('div', { id: 'invitations' });
    this.groupRoles = h('div', { id: 'group-roles' });
    this.memberStatus = select('status', [['', 'All'], ['active', 'Active'], ['pending', 'Pending'], ['inactive', 'Inactive']], '');
    this.memberStatus.addEventListener('change', () => this.loadMembers());
    this.invitationState = select('state', [['pending', 'Pending'], ['', 'All'], ['accepted', 'Accepted'],
      ['revoked', 'Revoked'], ['expired', 'Expired']], 'pending');
    this.invitationState.addEventListener('change', () => this.loadInvitations());

    this.element = h('div', {},
      pageHeader(organization.name, [['Organizations', '#/organizations']], h('p', { className: 'subtle' },
        'Id ', h('code', {}, organization.id), ' · default role ', h('strong', {}, organization.defaultRole),
        ' · created ', time(organization.createdAt))),
      this.nextStep,
      section('Domains', h('p', { className: 'subtle' }, 'People whose e-mail is on a verified domain become active '
        + 'members at once; others get a pending membership and an invitation.'), this.domains, this.addDomainForm()),
      section('Directories', this.directories, this.createdDirectory, this.createDirectoryForm()),
      section('Members', field('Status', this.memberStatus), this.members),
      section('Invitations', field('State', this.invitationState), this.invitations),
      section('Roles and group → role mappings', h('p', { className: 'subtle' }, 'A member\'s role is the mapped role of '
        + 'the highest priority among their directory groups, else the default role.'), this.groupRoles),
      section('Settings', this.settingsForm()));
    this.refresh();
  }

  refresh() {
    this.loadSetup();
    this.loadMembers();
    this.loadInvitations();
    this.loadGroupRoles();
  }

  loadGroupRoles() {
    return fill(this.groupRoles, () => this.rolesAndMappings());
  }

  /** Domains, directories and the next onboarding step, which depends on both. */
  async loadSetup() {
    const domainList = api.get(`${this.path}/domains`).then(r => r.data);
    const directoryList = api.get(`${this.path}/directories`).then(r => r.data);
    fill(this.domains, async () => this.domainTable(await domainList));
    fill(this.directories, async () => this.directoryTable(await directoryList));
    fill(this.nextStep, async () => this.onboarding(await domainList, await directoryList));
  }

  async onboarding(domains, directories) {
    let done = 1;
    if (domains.some(d => d.state === 'verified')) {
      done = 2;
      if (directories.length > 0) {
        done = 3;
        const pushed = await Promise.all(directories.map(d =>
          api.get(`directories/${encodeURIComponent(d.id)}/users`, { limit: 1 }).then(r => r.data.length > 0)));
        if (pushed.some(Boolean)) {
          return '';
        }
      }
    }
    const pending = domains.find(d => d.state === 'pending');
    const details = [null,
      pending ? `${pending.domain} is added but not verified yet: verify it below.` : 'Add the domain below.',
      'Create it below and pick the identity provider.',
      'Open the directory, copy its SCIM base URL and token into the provider\'s provisioning settings, '
        + 'and start provisioning there.'];
    return h('section', { className: 'card onboarding', 'aria-labelledby': 'next-step-title' },
      h('h2', { id: 'next-step-title' }, 'Next step'), onboardingSteps(done, details));
  }

  domainTable(domains) {
    if (domains.length === 0) {
      return emptyState('No domain yet. Add the customer\'s e-mail domain, e.g. acme.com, and verify it.');
    }
    return table('Domains', [
      ['Domain', d => h('strong', {}, d.domain)],
      ['State', d => badge(d.state)],
      ['Verification', d => d.verification === 'dns' ? 'DNS TXT record' : 'by the operator'],
      ['TXT record', d => d.dnsRecord && d.state !== 'verified'
        ? h('div', { className: 'dns-record' }, copyable(`TXT record name for ${d.domain}`, d.dnsRecord.name),
          copyable(`TXT record value for ${d.domain}`, d.dnsRecord.value))
        : '—'],
      ['Verified', d => time(d.verifiedAt)],
      ['', d => h('div', { className: 'actions' },
        d.state !== 'verified' ? h('button', { type: 'button', onClick: () => this.verify(d) }, 'Verify now') : null,
        confirmButton('Remove', `Remove ${d.domain}?`, () => this.removeDomain(d)))],
    ], domains, d => ({ 'data-domain': d.domain }));
  }

  async verify(domain) {
    try {
      const verified = await api.post(`${this.path}/domains/${encodeURIComponent(domain.id)}/verify`);
      notify(verified.state === 'verified' ? `${domain.domain} is verified.`
        : `${domain.domain} is not verified yet: the TXT record was not found.`, verified.state === 'verified' ? 'success' : 'error');
    } catch (e) {
      notifyError(e);
    }
    this.refresh();
  }

  async removeDomain(domain) {
    try {
      await api.del(`${this.path}/domains/${encodeURIComponent(domain.id)}`);
      notify(`${domain.domain} removed.`, 'success');
    } catch (e) {
      notifyError(e);
    }
    this.loadSetup();
  }

  addDomainForm() {
    const domain = h('input', { type: 'text', name: 'domain', required: true, placeholder: 'acme.com', autocomplete: 'off' });
    const verification = select('verification', [['dns', 'DNS TXT record'], ['manual', 'I vouch for it (manual)']], 'dns');
    return onSubmit(h('form', { className: 'inline-form', 'aria-label': 'Add a domain' },
      field('Domain', domain), field('Verification', verification),
      h('button', { type: 'submit' }, 'Add domain')), async data => {
      try {
        const added = await api.post(`${this.path}/domains`, {
          domain: String(data.get('domain')).trim(), verification: data.get('verification') });
        notify(added.verification === 'dns' ? `${added.domain} added: publish the TXT record, then verify.`
          : `${added.domain} added: verify it to confirm.`, 'success');
        domain.value = '';
      } catch (e) {
        notifyError(e);
      }
      this.loadSetup();
    });
  }

  directoryTable(directories) {
    if (directories.length === 0) {
      return emptyState('No directory yet. Create one for the identity provider the customer uses.');
    }
    return table('Directories', [
      ['Name', d => link(`#/directories/${encodeURIComponent(d.id)}`, d.name)],
      ['Provider', d => providerName(d.provider)],
      ['State', d => badge(d.state)],
      ['SCIM base URL', d => h('code', {}, d.scimBaseUrl)],
      ['Created', d => time(d.createdAt)],
    ], directories);
  }

  createDirectoryForm() {
    const name = h('input', { type: 'text', name: 'name', required: true, placeholder: 'Okta', autocomplete: 'off' });
    const provider = select('provider', PROVIDERS, 'okta');
    return onSubmit(h('form', { className: 'inline-form', 'aria-label': 'New directory' },
      field('Name', name), field('Identity provider', provider),
      h('button', { type: 'submit' }, 'Create directory')), async data => {
      try {
        const created = await api.post(`${this.path}/directories`, {
          name: String(data.get('name')).trim(), provider: data.get('provider') });
        name.value = '';
        replaceChildren(this.createdDirectory, createdDirectoryPanel(created));
        notify(`Directory ${created.name} created. Copy its token now: it is shown only once.`, 'success');
        this.createdDirectory.querySelector('h3').focus();
      } catch (e) {
        notifyError(e);
      }
      this.loadSetup();
    });
  }

  async loadMembers() {
    await fill(this.members, async () => {
      const members = (await api.get(`${this.path}/memberships`, { status: this.memberStatus.value })).data;
      if (members.length === 0) {
        return emptyState(this.memberStatus.value ? `No ${this.memberStatus.value} member.`
          : 'No member yet. Members appear when the identity provider pushes users.');
      }
      const directoriesOf = await this.directoriesByUser();
      return table('Members', [
        ['E-mail', m => m.email],
        ['Status', m => badge(m.status)],
        ['Role', m => m.role],
        ['Managed by', m => (directoriesOf.get(m.userId) || []).join(', ') || (m.directoryManaged ? 'a directory' : 'hand')],
        ['Since', m => time(m.createdAt)],
      ], members, m => ({ 'data-email': m.email }));
    });
  }

  /** For each User, the names of this organization's directories that hold a directory user linked to it. */
  async directoriesByUser() {
    const directories = (await api.get(`${this.path}/directories`)).data;
    const names = new Map();
    await Promise.all(directories.map(async directory => {
      for (const user of await api.all(`directories/${encodeURIComponent(directory.id)}/users`)) {
        const userId = user.provisioning.userId;
        if (userId && !(names.get(userId) || []).includes(directory.name)) {
          names.set(userId, [...(names.get(userId) || []), directory.name]);
        }
      }
    }));
    return names;
  }

  async loadInvitations() {
    await fill(this.invitations, async () => {
      const invitations = (await api.get('invitations', {
        organizationId: this.organization.id, state: this.invitationState.value })).data;
      if (invitations.length === 0) {
        return emptyState(this.invitationState.value === 'pending'
          ? 'No pending invitation. People on domains the organization has not verified are invited here.'
          : 'No invitation in this state.');
      }
      const issued = h('div', { className: 'issued' });
      return h('div', {}, issued, table('Invitations', [
        ['E-mail', i => i.email],
        ['State', i => badge(i.state)],
        ['Delivery', i => deliveryStatus(i.delivery)],
        ['Expires', i => time(i.expiresAt)],
        ['Created', i => time(i.createdAt)],
        ['', i => i.state === 'pending' ? h('div', { className: 'actions' },
          h('button', { type: 'button', onClick: () => this.resend(i, issued) }, 'Resend'),
          confirmButton('Revoke', `Revoke the invitation of ${i.email}?`, () => this.revoke(i)))
          : ['expired', 'revoked'].includes(i.state) ? h('button', { type: 'button', className: 'secondary',
            onClick: () => this.resend(i, issued), 'aria-label': `Re-invite ${i.email}` }, 'Re-invite') : null],
      ], invitations, i => ({ 'data-email': i.email })));
    });
  }

  async resend(invitation, issued) {
    try {
      const resent = await api.post(`invitations/${encodeURIComponent(invitation.id)}/resend`);
      notify(invitation.state === 'pending' ? `Invitation to ${invitation.email} sent again with a new link.`
        : `${invitation.email} is invited again with a new invitation.`, 'success');
      await this.loadInvitations();
      const panel = this.invitations.querySelector('.issued');
      replaceChildren(panel || issued, h('div', { className: 'one-time', role: 'region', 'aria-label': 'New invitation link' },
        h('p', {}, `New link for ${invitation.email}, valid until `, time(resent.invitation.expiresAt),
          '. It was handed to the invitation sender; it is shown here once in case you deliver it yourself.'),
        copyable('Invitation link', resent.acceptUrl || resent.token, { secret: true })));
    } catch (e) {
      notifyError(e);
    }
  }

  async revoke(invitation) {
    try {
      await api.post(`invitations/${encodeURIComponent(invitation.id)}/revoke`);
      notify(`Invitation of ${invitation.email} revoked.`, 'success');
    } catch (e) {
      notifyError(e);
    }
    this.loadInvitations();
    this.loadMembers();
  }

  /** The role catalogue next to the editor of group → role mappings, whose choices it and the directory groups give. */
  async rolesAndMappings() {
    const [roles, mappings, groups] = await Promise.all([
      api.get(`${this.path}/roles`),
      api.get(`${this.path}/group-roles`).then(r => r.mappings),
      this.directoryGroups()]);
    const groupChoices = [...groups.map(g => [g.id, `${g.name} (${g.directoryName})`]),
      ...mappings.filter(m => !groups.some(g => g.id === m.groupId)).map(m => [m.groupId, `${m.groupId} (no longer pushed)`])];
    const roleChoices = [...roles.map(r => [r.slug, r.name]),
      ...mappings.filter(m => !roles.some(r => r.slug === m.role)).map(m => [m.role, m.role])];
    const editor = rowEditor({
      label: 'Group to role mappings',
      columns: [
        ['Directory group', row => select('groupId', groupChoices, row.groupId || (groupChoices[0] || [''])[0])],
        ['Role', row => select('role', roleChoices, row.role || (roleChoices[0] || [''])[0])],
        ['Priority', row => h('input', { type: 'number', name: 'priority', required: true, value: row.priority ?? 0,
          className: 'narrow' })],
      ],
      rows: mappings,
      empty: groups.length === 0 ? 'No mapping, and no directory group to map yet: groups appear when an identity '
        + 'provider pushes them. Until then every member gets the default role.'
        : 'No mapping: every member gets the default role.',
      addLabel: 'Add mapping',
      saveLabel: 'Save mappings',
      save: async rows => {
        try {
          await api.put(`${this.path}/group-roles`, { mappings: rows.map(row => ({ ...row, priority: Number(row.priority) })) });
          notify('Group → role mappings saved.', 'success');
          this.loadGroupRoles();
          this.loadMembers();
        } catch (e) {
          notifyError(e);
        }
      },
    });
    return h('div', { className: 'roles-and-mappings' },
      h('div', { id: 'roles' }, h('h3', {}, 'Role catalogue'), table('Roles', [
        ['Role', r => h('span', {}, h('strong', {}, r.name), ' ', h('code', {}, r.slug))],
        ['', r => r.default ? badge('default') : ''],
      ], roles, r => ({ 'data-role': r.slug }))),
      h('div', {}, h('h3', {}, 'Group → role mappings'), editor));
  }

  /** Every group of the organization's directories, with its directory's name. */
  async directoryGroups() {
    const directories = (await api.get(`${this.path}/directories`)).data;
    const perDirectory = await Promise.all(directories.map(async directory =>
      (await api.all(`directories/${encodeURIComponent(directory.id)}/groups`))
        .map(group => ({ ...group, directoryName: directory.name }))));
    return perDirectory.flat();
  }

  settingsForm() {
    const name = h('input', { type: 'text', name: 'name', required: true, value: this.organization.name });
    const defaultRole = h('input', { type: 'text', name: 'defaultRole', required: true, value: this.organization.defaultRole });
    const send = h('input', { type: 'checkbox', name: 'sendInvitations', checked: this.organization.sendInvitations });
    send.id = 'send-invitations';
    return onSubmit(h('form', { className: 'inline-form', 'aria-label': 'Organization settings' },
      field('Name', name), field('Default role', defaultRole),
      h('div', { className: 'field checkbox' }, send, h('label', { for: send.id }, 'Send invitations to pending members')),
      h('button', { type: 'submit' }, 'Save settings')), async data => {
      try {
        this.organization = await api.patch(this.path, { name: String(data.get('name')).trim(),
          defaultRole: String(data.get('defaultRole')).trim(), sendInvitations: send.checked });
        notify('Settings saved.', 'success');
        replaceChildren(this.element.querySelector('h1'), this.organization.name);
      } catch (e) {
        notifyError(e);
      }
    });
  }
}

/** How the mailing of an invitation stands: sent, queued, retrying (why, next try), failed (why) or not sent (why). */
function deliveryStatus(delivery) {
  if (!delivery) {
    return '—';
  }
  return h('div', { className: 'delivery', 'data-delivery': delivery.status }, badge(delivery.status),
    delivery.status === 'retrying' ? h('p', { className: 'reason' }, `attempt ${delivery.attempts} failed; next try `,
      time(delivery.nextAttemptAt)) : null,
    delivery.reason ? h('p', { className: 'reason' }, delivery.reason) : null);
}

/** The SCIM base URL and the new token, shown once right after the directory is created. */
export function createdDirectoryPanel(created) {
  if (created.provider === 'google') {
    return h('div', { className: 'one-time', role: 'region', 'aria-labelledby': 'created-title' },
      h('h3', { id: 'created-title', tabindex: '-1' }, `${created.name} is created`),
      h('p', {}, 'Google Workspace does not push SCIM: scimgate reads it with a service account. '
        + 'Open the directory and fill in its Google sync settings.'),
      h('p', {}, link(`#/directories/${encodeURIComponent(created.id)}`, `Open ${created.name}`)));
  }
  return h('div', { className: 'one-time', role: 'region', 'aria-labelledby': 'created-title' },
    h('h3', { id: 'created-title', tabindex: '-1' }, `${created.name} is ready for ${providerName(created.provider)}`),
    h('p', {}, h('strong', {}, 'Copy the token now: it is shown only this once. '),
      'Paste both values into the identity provider\'s SCIM provisioning settings.'),
    copyable('SCIM base URL', created.scimBaseUrl),
    copyable('Bearer token', created.token, { secret: true }),
    h('p', {}, link(`#/directories/${encodeURIComponent(created.id)}`, `Open ${created.name}`)));
}
