// The event log, oldest first, filtered by type and organization, each payload one click away.
import { h, field, select, onSubmit, table, time, emptyState, json, replaceChildren } from './dom.js';
import * as api from './api.js';
import { pageHeader, errorBox } from './ui.js';
import { EVENT_TYPES } from './event-types.js';

const PAGE = 100;

export async function render(query) {
  const organizations = (await api.get('organizations')).data;
  const organizationNames = new Map(organizations.map(o => [o.id, o.name]));
  const wanted = { organizationId: query.get('organizationId') || '', events: query.get('events') || '' };

  const types = h('input', { type: 'text', name: 'events', value: wanted.events, list: 'event-types', autocomplete: 'off',
    placeholder: 'e.g. dsync.user.created, invitation.created' });
  const organization = select('organizationId', [['', 'All organizations'],
    ...organizations.map(o => [o.id, o.name])], wanted.organizationId);
  const filters = onSubmit(h('form', { className: 'inline-form', 'aria-label': 'Event filters' },
    field('Event types (comma-separated)', types), field('Organization', organization),
    h('datalist', { id: 'event-types' }, EVENT_TYPES.map(type => h('option', { value: type }))),
    h('button', { type: 'submit' }, 'Show')), async data => {
    const next = new URLSearchParams();
    for (const name of ['events', 'organizationId']) {
      const value = String(data.get(name)).trim();
      if (value) {
        next.set(name, value);
      }
    }
    location.hash = `#/events${next.toString() ? `?${next}` : ''}`;
  });

  const rows = h('div', { id: 'event-list' });
  const more = h('div', {});
  const shown = [];
  const loadPage = async after => {
    try {
      const page = await api.get('events', { after, limit: PAGE, events: wanted.events, organizationId: wanted.organizationId });
      shown.push(...page.data);
      replaceChildren(rows, shown.length === 0
        ? emptyState(wanted.events || wanted.organizationId ? 'No event matches these filters.'
          : 'No event yet. Creating an organization, verifying a domain or a push from an identity provider records events here.')
        : eventTable(shown, organizationNames));
      const next = page.listMetadata.after;
      replaceChildren(more, next ? loadMoreButton(() => loadPage(next)) : null);
    } catch (e) {
      replaceChildren(rows, errorBox(e));
    }
  };
  await loadPage(0);

  return h('div', {}, pageHeader('Events'),
    h('section', { className: 'card', 'aria-label': 'Filters' }, filters),
    h('section', { className: 'card', 'aria-label': 'Event log' }, rows, more));
}

function loadMoreButton(load) {
  const button = h('button', { type: 'button', className: 'secondary' }, 'Load more');
  button.addEventListener('click', () => { button.disabled = true; load(); });
  return button;
}

function eventTable(events, organizationNames) {
  return table('Events, oldest first', [
    ['#', e => String(e.id)],
    ['Time', e => time(e.createdAt)],
    ['Event', e => h('code', {}, e.event)],
    ['Organization', e => e.organizationId ? organizationNames.get(e.organizationId) || e.organizationId : '—'],
    ['Payload', e => h('details', {}, h('summary', {}, 'Payload'), json(e.data))],
  ], events, e => ({ 'data-event': e.event }));
}
