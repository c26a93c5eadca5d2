// Page-level pieces shared by every page: the status line, headings, errors.
import { h, replaceChildren } from './dom.js';

let clearTimer;

/** Says something in the status line, which screen readers announce. */
export function notify(message, kind = 'info') {
  const status = document.getElementById('status');
  status.className = `status status-${kind}`;
  status.textContent = message;
  clearTimeout(clearTimer);
  clearTimer = setTimeout(() => { status.textContent = ''; status.className = 'status'; }, kind === 'error' ? 15000 : 6000);
}

export function notifyError(error) {
  notify(describe(error), 'error');
}

export function describe(error) {
  return error && error.code ? `${error.message} (${error.code})` : String(error && error.message || error);
}

/** An error shown in place of content that could not be loaded. */
export function errorBox(error) {
  return h('div', { className: 'error-box', role: 'alert' }, describe(error));
}

export function pageHeader(title, crumbs = [], ...extra) {
  return h('div', { className: 'page-header' },
    crumbs.length ? h('nav', { 'aria-label': 'Breadcrumb', className: 'crumbs' },
      h('ol', {}, crumbs.map(([label, href]) => h('li', {}, h('a', { href }, label))))) : null,
    h('h1', { tabindex: '-1' }, title), extra);
}

/** Fills `holder` with what `load` builds, showing progress and errors in place. */
export async function fill(holder, load) {
  holder.setAttribute('aria-busy', 'true');
  if (!holder.hasChildNodes()) {
    holder.append(h('p', { className: 'loading' }, 'Loading…'));
  }
  try {
    replaceChildren(holder, await load());
  } catch (e) {
    replaceChildren(holder, errorBox(e));
  } finally {
    holder.removeAttribute('aria-busy');
  }
}
