// A form of editable rows (add, remove, save all at once), for lists the admin API replaces whole:
// attribute mappings, group → role mappings.
import { h, onSubmit, emptyState } from './dom.js';

/**
 * `columns` are [heading, (value of the row) => control with a `name`]; `rows` the current values.
 * On submit, `save` gets one object per row of each control's name → trimmed value.
 */
export function rowEditor({ label, columns, rows, empty, addLabel, saveLabel, save }) {
  const body = h('tbody', {});
  const addRow = value => {
    const controls = columns.map(([heading, control]) => {
      const element = control(value);
      element.setAttribute('aria-label', heading);
      return element;
    });
    const remove = h('button', { type: 'button', className: 'secondary', 'aria-label': `Remove this row of ${label}` }, 'Remove');
    const row = h('tr', {}, controls.map(control => h('td', {}, control)), h('td', {}, remove));
    remove.addEventListener('click', () => row.remove());
    body.append(row);
    return controls[0];
  };
  rows.forEach(addRow);
  const add = h('button', { type: 'button', className: 'secondary' }, addLabel);
  add.addEventListener('click', () => addRow({}).focus());
  return onSubmit(h('form', { 'aria-label': label },
    rows.length === 0 ? emptyState(empty) : null,
    h('div', { className: 'table-wrap' }, h('table', {},
      h('caption', { className: 'visually-hidden' }, label),
      h('thead', {}, h('tr', {}, [...columns.map(([heading]) => heading), ''].map(t => h('th', { scope: 'col' }, t)))),
      body)),
    h('div', { className: 'actions' }, add, h('button', { type: 'submit' }, saveLabel))), () => save(
    [...body.querySelectorAll('tr')].map(row => Object.fromEntries(
      [...row.querySelectorAll('[name]')].map(control => [control.name, control.value.trim()])))));
}
