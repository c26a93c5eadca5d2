// Small DOM helpers. Everything the API returns goes in as text, never as HTML.

export function h(tag, attributes, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value === null || value === undefined || value === false) {
      continue;
    }
    if (name.startsWith('on') && typeof value === 'function') {
      element.addEventListener(name.slice(2).toLowerCase(), value);
    } else if (name === 'className') {
      element.className = value;
    } else if (value === true) {
      element.setAttribute(name, '');
    } else {
      element.setAttribute(name, String(value));
    }
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) {
      continue;
    }
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

export function replaceChildren(element, ...children) {
  element.replaceChildren();
  append(element, children);
  return element;
}

let nextId = 0;

export function uniqueId(prefix) {
  nextId += 1;
  return `${prefix}-${nextId}`;
}

/** A labelled form field; `control` is an input, select or textarea element. */
export function field(label, control, hint) {
  control.id = control.id || uniqueId('field');
  const hintElement = hint ? h('p', { className: 'hint', id: `${control.id}-hint` }, hint) : null;
  if (hintElement) {
    control.setAttribute('aria-describedby', hintElement.id);
  }
  return h('div', { className: 'field' }, h('label', { for: control.id }, label), control, hintElement);
}

export function select(name, options, selected) {
  return h('select', { name },
    options.map(([value, label]) => h('option', { value, selected: value === selected }, label)));
}

/** A table with a caption; `columns` are [heading, row => cell content]. */
export function table(caption, columns, rows, rowAttributes) {
  return h('div', { className: 'table-wrap' },
    h('table', {},
      h('caption', { className: caption.visible ? '' : 'visually-hidden' }, caption.text || caption),
      h('thead', {}, h('tr', {}, columns.map(([heading]) => h('th', { scope: 'col' }, heading)))),
      h('tbody', {}, rows.map(row => h('tr', rowAttributes ? rowAttributes(row) : {},
        columns.map(([, cell]) => h('td', {}, cell(row))))))));
}

export function badge(state) {
  return h('span', { className: `badge badge-${String(state).replace(/[^a-z_]/g, '')}` }, String(state).replace(/_/g, ' '));
}

export function time(instant) {
  if (!instant) {
    return '—';
  }
  const date = new Date(instant);
  return h('time', { datetime: instant, title: instant }, date.toLocaleString(undefined, {
    year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit',
  }));
}

export function section(title, ...content) {
  const headingId = uniqueId('section');
  return h('section', { className: 'card', 'aria-labelledby': headingId },
    h('h2', { id: headingId }, title), content);
}

/** What a new operator should do next, shown where there is nothing yet. */
export function emptyState(message, ...next) {
  return h('div', { className: 'empty-state' }, h('p', {}, message), next);
}

/** A value with a button that copies it; the button says whether that worked. */
export function copyable(label, value, options = {}) {
  const input = h('input', { type: 'text', readonly: true, value, className: options.secret ? 'secret mono' : 'mono',
    spellcheck: 'false', autocomplete: 'off' });
  input.id = uniqueId('copy');
  const button = h('button', { type: 'button', className: 'copy', 'aria-label': `Copy ${label}` }, 'Copy');
  button.addEventListener('click', () => copy(value, input, button));
  return h('div', { className: 'field copyable' },
    h('label', { for: input.id }, label),
    h('div', { className: 'copy-row' }, input, button));
}

async function copy(value, input, button) {
  try {
    await navigator.clipboard.writeText(value);
    button.textContent = 'Copied';
  } catch (e) {
    // Without clipboard access (plain HTTP to another host), leave the value selected to copy by hand.
    input.focus();
    input.select();
    button.textContent = 'Press Ctrl+C';
  }
  setTimeout(() => { button.textContent = 'Copy'; }, 4000);
}

/** A button that asks once more inline before it does something that cannot be undone. */
export function confirmButton(label, question, action) {
  const holder = h('span', { className: 'confirm' });
  const start = h('button', { type: 'button', className: 'danger-outline' }, label);
  start.addEventListener('click', () => {
    const yes = h('button', { type: 'button', className: 'danger' }, `Yes, ${label.toLowerCase()}`);
    const no = h('button', { type: 'button', className: 'secondary' }, 'Cancel');
    no.addEventListener('click', () => { replaceChildren(holder, start); start.focus(); });
    yes.addEventListener('click', async () => {
      yes.disabled = true;
      no.disabled = true;
      await action();
    });
    replaceChildren(holder, h('span', { className: 'question' }, question), ' ', yes, ' ', no);
    no.focus();
  });
  holder.append(start);
  return holder;
}

/** A submit button that is disabled while `work` runs, so nothing is sent twice. */
export function onSubmit(form, work) {
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const buttons = form.querySelectorAll('button');
    buttons.forEach(button => { button.disabled = true; });
    try {
      await work(new FormData(form));
    } finally {
      buttons.forEach(button => { button.disabled = false; });
    }
  });
  return form;
}

export function link(href, ...content) {
  return h('a', { href }, content);
}

export function json(value) {
  return h('pre', { className: 'json' }, JSON.stringify(value, null, 2));
}
