// A directory's health (last day, hour by hour) and its provisioning log: each SCIM request with
// what it changed and why.
import { h, table, time, section, emptyState, replaceChildren } from './dom.js';
import * as api from './api.js';
import { errorBox } from './ui.js';

const REFRESH_MS = 5000;
const SVG = 'http://www.w3.org/2000/svg';
const LOG_PAGE = 50;

export function activitySections(directory) {
  const path = `directories/${encodeURIComponent(directory.id)}`;
  const health = h('div', { id: 'directory-health' }, h('p', { className: 'loading' }, 'Loading…'));
  const log = h('div', { id: 'provisioning-log' }, h('p', { className: 'loading' }, 'Loading…'));
  const older = h('div', {});
  let entries = [];
  let pagedBack = false;

  const loadHealth = async () => {
    try {
      replaceChildren(health, healthView(await api.get(`${path}/health`)));
    } catch (e) {
      replaceChildren(health, errorBox(e));
    }
  };
  const showLog = next => {
    replaceChildren(log, entries.length === 0
      ? emptyState('No request yet. Every SCIM write, and every refused request, appears here with what it changed and why.')
      : logTable(entries));
    replaceChildren(older, next ? olderButton(next) : null);
  };
  const loadLatest = async () => {
    try {
      const page = await api.get(`${path}/provisioning-log`, { limit: LOG_PAGE });
      entries = page.data;
      showLog(page.listMetadata.after);
    } catch (e) {
      replaceChildren(log, errorBox(e));
    }
  };
  const olderButton = after => {
    const button = h('button', { type: 'button', className: 'secondary' }, 'Load older requests');
    button.addEventListener('click', async () => {
      button.disabled = true;
      pagedBack = true;
      try {
        const page = await api.get(`${path}/provisioning-log`, { limit: LOG_PAGE, after });
        entries = entries.concat(page.data);
        showLog(page.listMetadata.after);
      } catch (e) {
        replaceChildren(older, errorBox(e));
      }
    });
    return button;
  };
  const refresh = async () => {
    await Promise.all([loadHealth(), pagedBack ? null : loadLatest()]);
    // Keep following the identity provider while this page is shown.
    setTimeout(() => { if (health.isConnected) { refresh(); } }, REFRESH_MS);
  };
  refresh();

  return [
    section('Health', h('p', { className: 'subtle' }, 'SCIM requests of the last 24 hours, refreshed every few seconds.'), health),
    section('Provisioning log', h('p', { className: 'subtle' }, 'Each SCIM write or refused request, newest first: '
      + 'what it changed and why.'), log, older),
  ];
}

function healthView(health) {
  const totals = health.last24Hours;
  return h('div', { className: 'health' },
    h('dl', { className: 'figures' },
      figure('Last request', health.lastRequestAt ? time(health.lastRequestAt) : 'never'),
      figure('Last error', health.lastErrorAt ? time(health.lastErrorAt) : 'none'),
      figure('Requests, 24 h', String(totals.requests)),
      figure('Errors, 24 h', String(totals.errors)),
      figure('Rate-limited (429), 24 h', String(totals.throttled))),
    chart(health.hours));
}

function figure(label, value) {
  return h('div', {}, h('dt', {}, label), h('dd', {}, value));
}

/** Requests per hour as bars, errors in red at the foot of each bar; the numbers are in each bar's title. */
function chart(hours) {
  const width = 480;
  const height = 80;
  const gap = 2;
  const barWidth = width / hours.length - gap;
  const highest = Math.max(1, ...hours.map(hour => hour.requests));
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', `0 0 ${width} ${height + 14}`);
  svg.setAttribute('class', 'chart');
  svg.setAttribute('role', 'img');
  const total = hours.reduce((sum, hour) => sum + hour.requests, 0);
  const errors = hours.reduce((sum, hour) => sum + hour.errors, 0);
  svg.setAttribute('aria-label', `Requests per hour over the last 24 hours: ${total} requests, ${errors} errors`);
  hours.forEach((hour, index) => {
    const x = index * (barWidth + gap);
    const group = document.createElementNS(SVG, 'g');
    const title = document.createElementNS(SVG, 'title');
    title.textContent = `${new Date(hour.start).toLocaleString(undefined, { hour: '2-digit', minute: '2-digit' })}: `
      + `${hour.requests} requests, ${hour.errors} errors, ${hour.throttled} rate-limited`;
    group.append(title);
    group.append(bar(x, height, barWidth, height, '#e6eef9'));
    group.append(bar(x, height, barWidth, (hour.requests / highest) * height, '#1f4e8c'));
    group.append(bar(x, height, barWidth, (hour.errors / highest) * height, '#9b1c1c'));
    svg.append(group);
  });
  [[0, '24 h ago'], [width, 'now']].forEach(([x, label]) => {
    const text = document.createElementNS(SVG, 'text');
    text.setAttribute('x', x);
    text.setAttribute('y', height + 12);
    text.setAttribute('font-size', '10');
    text.setAttribute('fill', '#4f5862');
    text.setAttribute('text-anchor', x === 0 ? 'start' : 'end');
    text.textContent = label;
    svg.append(text);
  });
  return h('figure', { className: 'chart-box' }, svg,
    h('figcaption', { className: 'subtle' }, 'Requests per hour (blue), errors among them (red).'));
}

function bar(x, baseline, width, barHeight, fill) {
  const rect = document.createElementNS(SVG, 'rect');
  rect.setAttribute('x', x);
  rect.setAttribute('y', baseline - barHeight);
  rect.setAttribute('width', Math.max(1, width));
  rect.setAttribute('height', Math.max(0, barHeight));
  rect.setAttribute('fill', fill);
  return rect;
}

function logTable(entries) {
  return table('Provisioning log, newest first', [
    ['Time', e => time(e.receivedAt)],
    ['Request', e => h('code', {}, `${e.method} /${e.path}`)],
    ['Status', e => h('span', { className: `http http-${Math.floor(e.status / 100)}xx` }, String(e.status))],
    ['What changed', e => e.changes.length === 0 ? 'nothing'
      : h('ul', { className: 'changes' }, e.changes.map(change => h('li', {}, describeChange(change))))],
    ['Why', e => h('span', { className: 'reason-text' }, e.reason || '—')],
  ], entries, e => ({ 'data-status': e.status, 'data-path': e.path }));
}

/** One change as a short line: what kind of record, which one, and its state. */
export function describeChange(change) {
  const [, kind, verb] = change.event.match(/^(.*)\.([a-z_]+)$/) || [null, change.event, ''];
  switch (kind) {
    case 'dsync.user':
      return `directory user ${change.userName} ${verb}${change.changedAttributes && change.changedAttributes.length
        ? ` (${change.changedAttributes.join(', ')})` : ''}`;
    case 'user':
      return `User ${change.email} ${verb}`;
    case 'organization_membership':
      return `membership ${verb}: ${change.status}, role ${change.role}`;
    case 'invitation':
      return `invitation ${verb} for ${change.email}`;
    case 'dsync.group':
      return change.group
        // membership events carry the group as the admin API shows it (name), group events as SCIM has it (displayName)
        ? `${change.user.userName} ${verb === 'user_added' ? 'added to' : 'removed from'} group ${change.group.name || change.group.displayName}`
        : `group ${change.displayName} ${verb}`;
    default:
      return change.event;
  }
}

