// One directory: how the identity provider connects, its tokens, its users and, for Google, its sync.
import { h, field, select, table, time, badge, section, emptyState, copyable, confirmButton, link,
  replaceChildren } from './dom.js';
import * as api from './api.js';
import { pageHeader, notify, notifyError, fill } from './ui.js';
import { providerName } from './providers.js';
import { googleSection } from './directory-google.js';
import { activitySections } from './directory-activity.js';
import { groupTable } from './directory-groups.js';
import { attributeMappingsSection } from './directory-attributes.js';

const USER_STATES = [['', 'All'], ['provisioned', 'Provisioned'], ['deprovisioned', 'Deprovisioned'],
  ['inactive', 'Inactive'], ['missing_email', 'Missing e-mail'], ['duplicate_email', 'Duplicate e-mail']];

export async function render(directoryId) {
  const path = `directories/${encodeURIComponent(directoryId)}`;
  const directory = await api.get(path);
  const organization = await api.get(`organizations/${encodeURIComponent(directory.organizationId)}`);
  return new DirectoryPage(directory, organization, path).element;
}

class DirectoryPage {
  constructor(directory, organization, path) {
    this.directory = directory;
    this.organization = organization;
    this.path = path;
    this.tokens = h('div', { id: 'tokens' });
    this.issuedToken = h('div', { id: 'issued-token' });
    this.users = h('div', { id: 'directory-users' });
    this.groups = h('div', { id: 'directory-groups' });
    this.userGroup = select('group', [['', 'All groups']], '');
    this.userGroup.addEventListener('change', () => this.loadUsers());
    this.userState = select('state', USER_STATES, '');
    this.userSearch = h('input', { type: 'search', name: 'q', autocomplete: 'off' });
    this.loadedUsers = [];
    this.userState.addEventListener('change', () => this.showUsers());
    this.userSearch.addEventListener('input', () => this.showUsers());

    const orgHref = `#/organizations/${encodeURIComponent(organization.id)}`;
    const google = directory.provider === 'google';
    this.element = h('div', {},
      pageHeader(directory.name, [['Organizations', '#/organizations'], [organization.name, orgHref]],
        h('p', { className: 'subtle' }, providerName(directory.provider), ' directory of ', link(orgHref, organization.name),
          ' · ', badge(directory.state), ' · created ', time(directory.createdAt))),
      // Google does not push SCIM: scimgate reads it, so its runs take the place of the SCIM connection and log.
      google ? googleSection(directory, () => { this.loadUsers(); this.loadGroups(); }) : [
        section('Connection',
          h('p', {}, `Paste these into ${providerName(directory.provider)}'s SCIM provisioning settings.`),
          copyable('SCIM base URL', directory.scimBaseUrl),
          h('h3', {}, 'Bearer tokens'),
          h('p', { className: 'subtle' }, 'A directory has at most two live tokens. To rotate: issue a new token, '
            + 'put it into the identity provider, check that requests still arrive, then revoke the old one.'),
          this.tokens, this.issuedToken),
        activitySections(directory)],
      section('Users', h('div', { className: 'filters' }, field('Group', this.userGroup),
        field('Provisioning state', this.userState), field('Search user name or e-mail', this.userSearch)), this.users),
      section('Groups', this.groups),
      attributeMappingsSection(directory, () => this.loadUsers()),
      section('Delete', h('p', {}, 'Deleting the directory removes its users, groups and tokens. The people and '
        + 'memberships it created stay in the organization.'),
        confirmButton('Delete directory', `Delete ${directory.name} for good?`, () => this.deleteDirectory())));
    if (!google) {
      fill(this.tokens, () => this.tokenTable());
    }
    this.loadUsers();
    this.loadGroups();
  }

  async loadGroups() {
    await fill(this.groups, async () => {
      const groups = await api.all(`${this.path}/groups`);
      const chosen = this.userGroup.value;
      replaceChildren(this.userGroup, h('option', { value: '' }, 'All groups'),
        groups.map(g => h('option', { value: g.id, selected: g.id === chosen }, `${g.name} (${g.memberCount})`)));
      return groupTable(this.directory, groups, group => this.showGroup(group));
    });
  }

  /** Filters the users to one group and takes the keyboard there. */
  showGroup(group) {
    this.userGroup.value = group.id;
    this.loadUsers();
    this.userGroup.focus();
  }

  async tokenTable() {
    const tokens = (await api.get(`${this.path}/tokens`)).data;
    const live = tokens.filter(t => t.state === 'active');
    const issue = h('button', { type: 'button', disabled: live.length >= 2 }, 'Issue a new token');
    issue.addEventListener('click', () => this.issueToken());
    return h('div', {}, table('Tokens', [
      ['Token', t => h('code', {}, t.id)],
      ['State', t => badge(t.state)],
      ['Created', t => time(t.createdAt)],
      ['Revoked', t => time(t.revokedAt)],
      ['', t => t.state === 'active'
        ? confirmButton('Revoke', 'Requests with this token will be refused.', () => this.revokeToken(t)) : null],
    ], tokens, t => ({ 'data-state': t.state })),
    h('div', { className: 'actions' }, issue,
      live.length >= 2 ? h('span', { className: 'subtle' }, ' Two tokens are live: revoke one to issue another.') : null));
  }

  async issueToken() {
    try {
      const issued = await api.post(`${this.path}/tokens`);
      replaceChildren(this.issuedToken, h('div', { className: 'one-time', role: 'region', 'aria-labelledby': 'issued-title' },
        h('h3', { id: 'issued-title', tabindex: '-1' }, 'New token'),
        h('p', {}, h('strong', {}, 'Copy it now: it is shown only this once. '),
          'Both tokens work until you revoke the old one.'),
        copyable('New bearer token', issued.token, { secret: true })));
      notify('New token issued. Copy it now: it is shown only once.', 'success');
      this.issuedToken.querySelector('h3').focus();
    } catch (e) {
      notifyError(e);
    }
    fill(this.tokens, () => this.tokenTable());
  }

  async revokeToken(token) {
    try {
      await api.del(`${this.path}/tokens/${encodeURIComponent(token.id)}`);
      notify('Token revoked.', 'success');
    } catch (e) {
      notifyError(e);
    }
    fill(this.tokens, () => this.tokenTable());
  }

  async loadUsers() {
    await fill(this.users, async () => {
      this.loadedUsers = await api.all(`${this.path}/users`, { group: this.userGroup.value });
      return this.userList();
    });
  }

  showUsers() {
    replaceChildren(this.users, this.userList());
  }

  userList() {
    if (this.loadedUsers.length === 0 && this.userGroup.value) {
      return emptyState('No user in this group.');
    }
    if (this.loadedUsers.length === 0) {
      return emptyState(this.directory.provider === 'google'
        ? 'No user yet. Users appear after the first Google sync.'
        : `No user yet. Paste the SCIM base URL and a token into ${providerName(this.directory.provider)}, `
          + 'then assign people to the app there: they appear here as soon as it pushes them.');
    }
    const state = this.userState.value;
    const needle = this.userSearch.value.trim().toLowerCase();
    const shown = this.loadedUsers.filter(u => (!state || u.provisioning.state === state)
      && (!needle || [u.userName, u.email, u.firstName, u.lastName].some(v => v && v.toLowerCase().includes(needle))));
    if (shown.length === 0) {
      return emptyState('No user matches these filters.');
    }
    return h('div', {}, h('p', { className: 'subtle' }, `${shown.length} of ${this.loadedUsers.length} users`),
      table('Directory users', [
        ['User name', u => u.userName],
        ['Primary e-mail', u => u.email || '—'],
        ['Name', u => [u.firstName, u.lastName].filter(Boolean).join(' ') || '—'],
        ['Active in IdP', u => u.state === 'active' ? 'yes' : 'no'],
        ['Provisioning', u => h('div', {}, badge(u.provisioning.state),
          u.provisioning.detail ? h('p', { className: 'reason' }, u.provisioning.detail) : null)],
        ['Groups', u => u.groups && u.groups.length ? u.groups.map(g => g.name).join(', ') : '—'],
        this.loadedUsers.some(u => u.customAttributes && Object.keys(u.customAttributes).length)
          ? ['Custom attributes', u => customAttributes(u.customAttributes)] : null,
        ['Updated', u => time(u.updatedAt)],
      ].filter(Boolean), shown, u => ({ 'data-user-name': u.userName })));
  }

  async deleteDirectory() {
    try {
      await api.del(this.path);
      notify(`Directory ${this.directory.name} deleted.`, 'success');
      location.hash = `#/organizations/${encodeURIComponent(this.organization.id)}`;
    } catch (e) {
      notifyError(e);
    }
  }
}

function customAttributes(values) {
  const entries = Object.entries(values || {});
  return entries.length === 0 ? '—' : h('dl', { className: 'attributes' },
    entries.map(([name, value]) => [h('dt', {}, name), h('dd', {}, value === null ? '—' : String(value))]));
}
