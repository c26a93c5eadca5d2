// The admin API, called with the admin token kept in this module's memory only: never in
// storage, URLs or cookies, so a reload or "Sign out" forgets it.

const BASE = new URL('../admin/v1/', document.baseURI);

let adminToken = null;
let onSignedOut = () => {};

export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

export function signedIn() {
  return adminToken !== null;
}

export function whenSignedOut(callback) {
  onSignedOut = callback;
}

/** Keeps the token if the admin API accepts it. */
export async function signIn(token) {
  adminToken = token;
  try {
    await request('GET', 'organizations', undefined, undefined, { signOutWhenRefused: false });
  } catch (e) {
    adminToken = null;
    throw e;
  }
}

export function signOut() {
  adminToken = null;
  onSignedOut();
}

export function get(path, query) {
  return request('GET', path, undefined, query);
}

export function post(path, body) {
  return request('POST', path, body);
}

export function put(path, body) {
  return request('PUT', path, body);
}

export function patch(path, body) {
  return request('PATCH', path, body);
}

export function del(path) {
  return request('DELETE', path);
}

async function request(method, path, body, query, { signOutWhenRefused = true } = {}) {
  const url = new URL(path, BASE);
  for (const [name, value] of Object.entries(query || {})) {
    if (value !== undefined && value !== null && value !== '') {
      url.searchParams.set(name, value);
    }
  }
  const headers = { Accept: 'application/json', Authorization: `Bearer ${adminToken}` };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  let response;
  try {
    response = await fetch(url, {
      method, headers, body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'omit', cache: 'no-store', referrerPolicy: 'no-referrer',
    });
  } catch (e) {
    throw new ApiError(0, 'unreachable', 'The server did not answer. Is scimgate running?');
  }
  if (response.status === 204) {
    return null;
  }
  const text = await response.text();
  const answer = text ? safeJson(text) : null;
  if (response.ok) {
    return answer;
  }
  if (response.status === 401 && signOutWhenRefused && adminToken !== null) {
    signOut();
  }
  throw new ApiError(response.status, answer && answer.code || `http_${response.status}`,
    answer && answer.message || `The server answered ${response.status}`);
}

function safeJson(text) {
  try {
    return JSON.parse(text);
  } catch (e) {
    return null;
  }
}

/** Every entry of a paged list (`listMetadata.after`), up to `max`. */
export async function all(path, query, max = 1000) {
  const items = [];
  let after;
  do {
    const page = await get(path, { ...query, limit: 100, after });
    items.push(...page.data);
    after = page.listMetadata && page.listMetadata.after;
  } while (after && items.length < max);
  return items;
}
