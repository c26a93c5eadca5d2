// The four steps that take a new customer from nothing to provisioned users, and where each one stands.
import { h } from './dom.js';

export const STEPS = [
  'Create an organization for the customer',
  'Add the customer\'s e-mail domain and verify it',
  'Create a directory for the customer\'s identity provider',
  'Paste the directory\'s SCIM base URL and token into the identity provider',
];

/** The steps as a list; `done` is how many are done, the next one is marked as current. */
export function onboardingSteps(done, details = []) {
  return h('ol', { className: 'steps' }, STEPS.map((step, index) => h('li', {
    className: index < done ? 'done' : index === done ? 'current' : '',
    'aria-current': index === done ? 'step' : null,
  }, h('span', { className: 'step-text' }, step), index < done ? h('span', { className: 'visually-hidden' }, ' (done)') : null,
  index === done && details[index] ? h('p', { className: 'step-detail' }, details[index]) : null)));
}
