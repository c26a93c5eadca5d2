// A directory's groups as the identity provider pushed them, with their member counts.
import { h, table, time, emptyState } from './dom.js';
import { providerName } from './providers.js';

/** The groups, each with a button that shows its users (`showUsers(group)`). */
export function groupTable(directory, groups, showUsers) {
  if (groups.length === 0) {
    return emptyState(directory.provider === 'google'
      ? 'No group yet. Groups appear after the first Google sync.'
      : `No group yet. Groups appear when ${providerName(directory.provider)} pushes them: assign or push groups `
        + 'to the app there.');
  }
  return table('Directory groups', [
    ['Name', g => g.name],
    ['Members', g => String(g.memberCount)],
    ['Id in the IdP', g => g.idpId ? h('code', {}, g.idpId) : '—'],
    ['Updated', g => time(g.updatedAt)],
    ['', g => h('button', { type: 'button', className: 'secondary', onClick: () => showUsers(g),
      'aria-label': `Show the users of ${g.name}` }, 'Show users')],
  ], groups, g => ({ 'data-group': g.name }));
}
