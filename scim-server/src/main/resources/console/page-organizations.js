// Organizations: search, create, and the first steps for a new operator.
import { h, field, onSubmit, table, link, time, emptyState, replaceChildren } from './dom.js';
import * as api from './api.js';
import { pageHeader, notify, notifyError } from './ui.js';
import { onboardingSteps } from './onboarding.js';

export async function render() {
  const organizations = (await api.get('organizations')).data;
  const results = h('div', { id: 'organization-results' });
  const search = h('input', { type: 'search', name: 'q', autocomplete: 'off' });
  const showResults = () => replaceChildren(results, list(organizations, search.value.trim().toLowerCase()));
  search.addEventListener('input', showResults);
  showResults();

  const name = h('input', { type: 'text', name: 'name', required: true, maxlength: 200 });
  const create = onSubmit(h('form', { className: 'inline-form', 'aria-label': 'New organization' },
    field('Name', name), h('button', { type: 'submit' }, 'Create organization')), async data => {
    try {
      const created = await api.post('organizations', { name: String(data.get('name')).trim() });
      notify(`Organization ${created.name} created.`, 'success');
      location.hash = `#/organizations/${encodeURIComponent(created.id)}`;
    } catch (e) {
      notifyError(e);
    }
  });

  return h('div', {},
    pageHeader('Organizations'),
    organizations.length === 0
      ? h('section', { className: 'card onboarding', 'aria-labelledby': 'get-started' },
        h('h2', { id: 'get-started' }, 'Get started'),
        h('p', {}, 'No organization yet. Each customer whose identity provider pushes users gets one organization. '
          + 'Onboarding a customer takes four steps:'),
        onboardingSteps(0))
      : null,
    h('section', { className: 'card', 'aria-labelledby': 'new-organization' },
      h('h2', { id: 'new-organization' }, 'New organization'), create),
    organizations.length > 0
      ? h('section', { className: 'card', 'aria-labelledby': 'all-organizations' },
        h('h2', { id: 'all-organizations' }, `All organizations (${organizations.length})`),
        field('Search by name or id', search), results)
      : null);
}

function list(organizations, needle) {
  const found = organizations.filter(o => !needle || o.name.toLowerCase().includes(needle) || o.id.toLowerCase().includes(needle));
  if (found.length === 0) {
    return emptyState('No organization matches this search.');
  }
  return table('Organizations', [
    ['Name', o => link(`#/organizations/${encodeURIComponent(o.id)}`, o.name)],
    ['Default role', o => o.defaultRole],
    ['Invitations', o => o.sendInvitations ? 'sent' : 'not sent'],
    ['Created', o => time(o.createdAt)],
    ['Id', o => h('code', {}, o.id)],
  ], found);
}
