// The console's shell: sign-in, navigation and the route → page table.
import { h, replaceChildren, field, onSubmit } from './dom.js';
import * as api from './api.js';
import { describe, errorBox } from './ui.js';
import * as organizations from './page-organizations.js';
import * as organization from './page-organization.js';
import * as directory from './page-directory.js';
import * as events from './page-events.js';
import * as webhooks from './page-webhooks.js';

const ROUTES = [
  [/^\/organizations$/, 'organizations', () => organizations.render()],
  [/^\/organizations\/([^/]+)$/, 'organizations', id => organization.render(id)],
  [/^\/directories\/([^/]+)$/, 'organizations', id => directory.render(id)],
  [/^\/events$/, 'events', (query) => events.render(query)],
  [/^\/webhooks$/, 'webhooks', () => webhooks.render()],
];

const main = document.getElementById('main');
const nav = document.getElementById('nav');

function currentRoute() {
  const hash = location.hash.startsWith('#/') ? location.hash.slice(1) : '/organizations';
  const [path, queryString] = hash.split('?');
  return { path, query: new URLSearchParams(queryString || '') };
}

async function show() {
  if (!api.signedIn()) {
    nav.hidden = true;
    showSignIn();
    return;
  }
  nav.hidden = false;
  const { path, query } = currentRoute();
  const route = ROUTES.find(([pattern]) => pattern.test(path));
  nav.querySelectorAll('a[data-section]').forEach(a => {
    if (route && a.dataset.section === route[1]) {
      a.setAttribute('aria-current', 'page');
    } else {
      a.removeAttribute('aria-current');
    }
  });
  if (!route) {
    replaceChildren(main, h('h1', { tabindex: '-1' }, 'Not found'),
      h('p', {}, 'No page at this address. ', h('a', { href: '#/organizations' }, 'Go to the organizations.')));
    return;
  }
  const [pattern, , render] = route;
  const match = path.match(pattern);
  let page;
  try {
    page = await render(match[1] ? decodeURIComponent(match[1]) : query, query);
  } catch (e) {
    page = errorBox(e);
  }
  if (currentRoute().path !== path) {
    return; // the operator went elsewhere while this page loaded
  }
  replaceChildren(main, page);
  const heading = main.querySelector('h1');
  (heading || main).focus();
}

function showSignIn() {
  const token = h('input', { type: 'password', name: 'token', required: true, autocomplete: 'off',
    spellcheck: 'false', className: 'mono' });
  const problem = h('p', { className: 'form-error', role: 'alert' });
  const form = onSubmit(h('form', { className: 'card sign-in', 'aria-labelledby': 'sign-in-title' },
    h('h1', { id: 'sign-in-title', tabindex: '-1' }, 'Sign in'),
    h('p', {}, 'Paste the admin token that scimgate printed at its first start (or the value of SCIMGATE_ADMIN_TOKEN). '
      + 'The console keeps it in this tab\'s memory only: reloading the page or signing out forgets it.'),
    field('Admin token', token),
    problem,
    h('button', { type: 'submit' }, 'Sign in')), async data => {
    problem.textContent = '';
    try {
      await api.signIn(String(data.get('token')).trim());
      token.value = '';
      show();
    } catch (e) {
      problem.textContent = e.status === 401 ? 'The admin API did not accept this token.' : describe(e);
      token.focus();
    }
  });
  replaceChildren(main, form);
  token.focus();
}

document.getElementById('sign-out').addEventListener('click', () => api.signOut());
document.querySelector('.skip-link').addEventListener('click', event => {
  event.preventDefault();
  main.focus();
});
api.whenSignedOut(() => show());
window.addEventListener('hashchange', show);
show();
