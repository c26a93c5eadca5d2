// The Google Workspace sync of a `google` directory: settings, "sync now" and the runs.
import { h, field, onSubmit, table, time, badge, section, emptyState } from './dom.js';
import * as api from './api.js';
import { notify, notifyError, fill } from './ui.js';

const RUN_POLL_MS = 3000;

/** `synced` is called when a run this page watched has finished, to show what it wrote. */
export function googleSection(directory, synced) {
  const path = `directories/${encodeURIComponent(directory.id)}/google`;
  const settings = h('div', { id: 'google-settings' });
  const runs = h('div', { id: 'google-runs' });
  let watchedARun = false;
  const loadSettings = () => fill(settings, async () => settingsForm(path, await findSettings(path), () => {
    loadSettings();
    loadRuns();
  }));
  const loadRuns = () => fill(runs, async () => {
    const config = await findSettings(path);
    if (!config) {
      return emptyState('No run yet: save the settings to start the first sync.');
    }
    const list = (await api.get(`${path}/runs`, { limit: 20 })).data;
    if (config.syncing || config.syncRequestedAt || list.some(run => run.status === 'running')) {
      // Keep the progress moving while a run is under way and this page is shown.
      watchedARun = true;
      setTimeout(() => { if (runs.isConnected) { loadRuns(); } }, RUN_POLL_MS);
    } else if (watchedARun) {
      watchedARun = false;
      synced();
    }
    const syncNow = h('button', { type: 'button' }, 'Sync now');
    syncNow.addEventListener('click', async () => {
      syncNow.disabled = true;
      try {
        await api.post(`${path}/sync`);
        notify('Sync requested: the next free instance starts it.', 'success');
      } catch (e) {
        notifyError(e);
      }
      loadRuns();
    });
    const running = list.find(run => run.status === 'running');
    return h('div', {},
      running ? h('p', { className: 'progress', id: 'google-progress' }, 'Running since ', time(running.startedAt), ': ',
        `${running.progress.pagesFetched} pages fetched from Google, ${running.progress.usersWritten} users written so far.`) : null,
      h('p', {}, config.nextSyncAt ? ['Next sync ', time(config.nextSyncAt), '. '] : null, syncNow),
      list.length === 0 ? emptyState('No run yet.') : table('Sync runs', [
        ['Started', r => time(r.startedAt)],
        ['Trigger', r => r.trigger],
        ['Status', r => badge(r.status)],
        ['Progress', r => h('span', { className: r.status === 'running' ? 'progress' : '' },
          `${r.progress.pagesFetched} pages fetched, ${r.progress.usersWritten} users written`)],
        ['Users', r => `${r.users.created} created, ${r.users.updated} updated, ${r.users.deactivated} deactivated, `
          + `${r.users.deleted} deleted`],
        ['Groups', r => `${r.groups.created} created, ${r.groups.updated} updated, ${r.groups.deleted} deleted`],
        ['Failed records', r => String(r.recordsFailed)],
        ['API retries', r => String(r.apiRetries)],
        ['Finished', r => time(r.finishedAt)],
        ['Error', r => r.error || '—'],
      ], list, r => ({ 'data-status': r.status })));
  });
  loadSettings();
  loadRuns();
  return section('Google Workspace sync', settings, h('h3', {}, 'Runs'), runs);
}

async function findSettings(path) {
  try {
    return await api.get(path);
  } catch (e) {
    if (e.status === 404) {
      return null;
    }
    throw e;
  }
}

function settingsForm(path, config, saved) {
  const adminEmail = h('input', { type: 'email', name: 'adminEmail', required: true, value: config ? config.adminEmail : '' });
  const customer = h('input', { type: 'text', name: 'customer', value: config ? config.customer : 'my_customer' });
  const groups = h('input', { type: 'text', name: 'groups', value: config && config.groups ? config.groups.join(', ') : '' });
  const interval = h('input', { type: 'number', name: 'syncIntervalMinutes', min: 5, max: 1440,
    value: config ? config.syncIntervalMinutes : 30, className: 'narrow' });
  const key = h('textarea', { name: 'serviceAccountKey', rows: 4, required: !config, spellcheck: 'false',
    autocomplete: 'off', className: 'mono' });
  const keyFile = h('input', { type: 'text', name: 'serviceAccountKeyFile', className: 'mono',
    value: config && config.keyFile ? config.keyFile : '' });
  keyFile.addEventListener('input', () => { key.required = !config && !keyFile.value; });
  return h('div', {},
    config ? h('p', { className: 'subtle' }, 'Service account ', h('code', {}, config.serviceAccountEmail || '—'),
      ', key ', config.credentialStorage === 'file' ? ['read from ', h('code', {}, config.keyFile)] : 'stored encrypted',
      '.') : emptyState('Not set up yet. Follow the README\'s Google Workspace set-up, then fill in this form.'),
    onSubmit(h('form', { className: 'stacked-form', 'aria-label': 'Google sync settings' },
      field('Admin to act as', adminEmail, 'A customer admin allowed to read users and groups.'),
      field('Customer id', customer, 'my_customer is the admin\'s own customer.'),
      field('Only these groups', groups, 'Group e-mail addresses, comma-separated; empty syncs every user.'),
      field('Minutes between syncs', interval),
      field('Service account key (JSON)', key, config ? 'Leave empty to keep the stored key.' : 'Needs SCIMGATE_SECRET_KEY on the server.'),
      field('or key file on the server', keyFile, 'Absolute path; the key then stays out of the database.'),
      h('button', { type: 'submit' }, 'Save and sync')), async data => {
      const body = {
        adminEmail: String(data.get('adminEmail')).trim(),
        customer: String(data.get('customer')).trim() || undefined,
        groups: String(data.get('groups')).split(',').map(g => g.trim()).filter(Boolean),
        syncIntervalMinutes: Number(data.get('syncIntervalMinutes')),
      };
      if (String(data.get('serviceAccountKey')).trim()) {
        body.serviceAccountKey = String(data.get('serviceAccountKey')).trim();
      }
      if (String(data.get('serviceAccountKeyFile')).trim()) {
        body.serviceAccountKeyFile = String(data.get('serviceAccountKeyFile')).trim();
      }
      try {
        await api.put(path, body);
        key.value = '';
        notify('Google settings saved; a sync starts now.', 'success');
        saved();
      } catch (e) {
        notifyError(e);
      }
    }));
}

