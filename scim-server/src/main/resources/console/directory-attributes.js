// A directory's attribute mapping: custom attributes a host app reads on each user, each taken
// from a path into the SCIM user the identity provider sent.
import { h, section } from './dom.js';
import * as api from './api.js';
import { notify, notifyError, fill } from './ui.js';
import { rowEditor } from './row-editor.js';

export function attributeMappingsSection(directory, saved) {
  const path = `directories/${encodeURIComponent(directory.id)}/attribute-mappings`;
  const holder = h('div', { id: 'attribute-mappings' });
  const load = () => fill(holder, async () => editor(await api.get(path)));
  const editor = mapping => rowEditor({
    label: 'Attribute mappings',
    columns: [
      ['Custom attribute', row => h('input', { type: 'text', name: 'name', required: true, value: row.name || '',
        pattern: '[A-Za-z0-9_]{1,64}', autocomplete: 'off', spellcheck: 'false' })],
      ['Path in the SCIM user', row => h('input', { type: 'text', name: 'path', required: true, value: row.path || '',
        className: 'mono', autocomplete: 'off', spellcheck: 'false', placeholder: 'title' })],
    ],
    rows: Object.entries(mapping).map(([name, attributePath]) => ({ name, path: attributePath })),
    empty: 'No custom attribute. Add one to give host apps, say, the cost center the identity provider sends.',
    addLabel: 'Add attribute',
    saveLabel: 'Save attribute mappings',
    save: async rows => {
      try {
        await api.put(path, Object.fromEntries(rows.map(row => [row.name, row.path])));
        notify('Attribute mappings saved; every user of the directory carries the new values.', 'success');
        load();
        saved();
      } catch (e) {
        notifyError(e);
      }
    },
  });
  load();
  return section('Attribute mappings', h('p', { className: 'subtle' }, 'Each custom attribute is read from the SCIM '
    + 'user as sent: an attribute (title), a sub-attribute (name.givenName) or an extension URN and its attribute '
    + '(urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department).'), holder);
}
