// Webhook endpoints: register, see how delivery goes, read each endpoint's attempts.
import { h, field, select, onSubmit, table, time, section, emptyState, copyable, confirmButton, replaceChildren,
  badge } from './dom.js';
import * as api from './api.js';
import { pageHeader, notify, notifyError, fill } from './ui.js';
import { EVENT_TYPES } from './event-types.js';

const RESEND_REFRESH_MS = 2000;

export async function render() {
  const organizations = (await api.get('organizations')).data;
  const list = h('div', { id: 'webhook-list' });
  const created = h('div', { id: 'created-webhook' });
  const attempts = h('div', { id: 'webhook-attempts' });
  const load = () => fill(list, async () => {
    const endpoints = (await api.get('webhooks')).data;
    if (endpoints.length === 0) {
      return emptyState('No webhook endpoint. Register one to receive every event as a signed POST.');
    }
    return table('Webhook endpoints', [
      ['URL', w => h('code', {}, w.url)],
      ['Organization', w => w.organizationId ? (organizations.find(o => o.id === w.organizationId) || {}).name || w.organizationId : 'all'],
      ['Events', w => w.events && w.events.length ? w.events.join(', ') : 'all'],
      ['Delivered up to', w => `event ${w.lastEventId}`],
      ['Failing', w => w.failedAttempts > 0 ? h('div', {}, badge('failing'), ` ${w.failedAttempts} attempts`,
        w.lastError ? h('p', { className: 'reason' }, w.lastError) : null,
        w.nextAttemptAt ? h('p', { className: 'subtle' }, 'next try ', time(w.nextAttemptAt)) : null) : 'no'],
      ['', w => h('div', { className: 'actions' },
        h('button', { type: 'button', className: 'secondary', onClick: () => showAttempts(w, attempts) }, 'Attempts'),
        confirmButton('Delete', `Stop sending events to ${w.url}?`, async () => {
          try {
            await api.del(`webhooks/${encodeURIComponent(w.id)}`);
            notify('Webhook endpoint deleted.', 'success');
          } catch (e) {
            notifyError(e);
          }
          replaceChildren(attempts);
          load();
        }))],
    ], endpoints);
  });
  load();

  const url = h('input', { type: 'url', name: 'url', required: true, placeholder: 'https://app.example.com/hooks/scimgate' });
  const organization = select('organizationId', [['', 'All organizations'], ...organizations.map(o => [o.id, o.name])], '');
  const events = h('input', { type: 'text', name: 'events', list: 'webhook-event-types', autocomplete: 'off' });
  const form = onSubmit(h('form', { className: 'stacked-form', 'aria-label': 'New webhook endpoint' },
    field('URL', url), field('Organization', organization),
    field('Only these event types (comma-separated)', events, 'Empty sends every type.'),
    h('datalist', { id: 'webhook-event-types' }, EVENT_TYPES.map(type => h('option', { value: type }))),
    h('button', { type: 'submit' }, 'Register endpoint')), async data => {
    try {
      const answer = await api.post('webhooks', {
        url: String(data.get('url')).trim(),
        organizationId: data.get('organizationId') || null,
        events: String(data.get('events')).split(',').map(e => e.trim()).filter(Boolean),
      });
      replaceChildren(created, h('div', { className: 'one-time', role: 'region', 'aria-label': 'Signing secret' },
        h('p', {}, h('strong', {}, 'Copy the signing secret now: it is shown only this once. '),
          'Check Scimgate-Signature with it on every delivery.'),
        copyable('Signing secret', answer.secret, { secret: true })));
      url.value = '';
      events.value = '';
      notify('Webhook endpoint registered; it receives the events from now on.', 'success');
    } catch (e) {
      notifyError(e);
    }
    load();
  });

  return h('div', {}, pageHeader('Webhooks'),
    section('Endpoints', list, attempts),
    section('New endpoint', created, form));
}

async function showAttempts(webhook, holder) {
  await fill(holder, async () => {
    const attempts = (await api.get(`webhooks/${encodeURIComponent(webhook.id)}/attempts`, { limit: 50 })).data;
    return h('div', { className: 'attempts' }, h('h3', { tabindex: '-1' }, `Delivery attempts to ${webhook.url}`),
      attempts.length === 0 ? emptyState('No delivery attempt yet.') : table('Delivery attempts', [
        ['Time', a => time(a.createdAt)],
        ['Event', a => String(a.eventId)],
        ['Attempt', a => String(a.attempt)],
        ['Outcome', a => badge(a.outcome)],
        ['HTTP status', a => a.statusCode == null ? '—' : String(a.statusCode)],
        ['Error', a => a.error || '—'],
        ['', a => h('button', { type: 'button', className: 'secondary', 'aria-label': `Resend event ${a.eventId}`,
          onClick: event => resend(webhook, a.eventId, event.target, holder) }, 'Resend')],
      ], attempts, a => ({ 'data-event-id': a.eventId, 'data-outcome': a.outcome })));
  });
  const heading = holder.querySelector('h3');
  if (heading) {
    heading.focus();
  }
}

/** Queues the event to be posted to the endpoint again; the new attempt shows in the list once it is made. */
async function resend(webhook, eventId, button, holder) {
  button.disabled = true;
  try {
    await api.post(`webhooks/${encodeURIComponent(webhook.id)}/events/${encodeURIComponent(eventId)}/resend`);
    notify(`Event ${eventId} is queued to be sent to ${webhook.url} again.`, 'success');
    setTimeout(() => { if (holder.isConnected) { showAttempts(webhook, holder); } }, RESEND_REFRESH_MS);
  } catch (e) {
    notifyError(e);
    button.disabled = false;
  }
}
