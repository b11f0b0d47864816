// The only place that talks to /api/v1: adds the CSRF token to writes and turns problem
// documents into api_error values the views explain in plain words.
const base = '/api/v1';
const csrf_key = 'hubgate.csrf';

export class api_error extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.code = problem?.code || (status === 0 ? 'network' : `http_${status}`);
    this.problem = problem || {};
  }
}

export function set_csrf(token) {
  try {
    if (token) sessionStorage.setItem(csrf_key, token);
    else sessionStorage.removeItem(csrf_key);
  } catch { /* private mode: the token is lost on reload, the member signs in again */ }
}

function csrf() {
  try { return sessionStorage.getItem(csrf_key); } catch { return null; }
}

let on_unauthenticated = () => {};
export function when_unauthenticated(fn) { on_unauthenticated = fn; }

export async function request(method, path, body) {
  const headers = {Accept: 'application/json'};
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && method !== 'HEAD' && csrf()) headers['X-CSRF-Token'] = csrf();
  let response;
  try {
    response = await fetch(base + path, {
      method, headers, credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new api_error(0, {code: 'network'});
  }
  const type = response.headers.get('content-type') || '';
  let data = null;
  if (type.includes('json')) {
    try { data = await response.json(); } catch { data = null; }
  }
  if (!response.ok) {
    const error = new api_error(response.status, data && typeof data === 'object' ? data : null);
    if (response.status === 401 && !path.startsWith('/auth/')) on_unauthenticated(error);
    throw error;
  }
  return data;
}

export const get = (path) => request('GET', path);
export const post = (path, body = {}) => request('POST', path, body);
export const patch = (path, body) => request('PATCH', path, body);
export const put = (path, body) => request('PUT', path, body);
export const del = (path) => request('DELETE', path);

// Collections may come as a bare array or wrapped ({items: [...]}, {spaces: [...]}, ...).
export function items(data) {
  if (Array.isArray(data)) return data;
  if (data && typeof data === 'object') {
    for (const key of ['items', 'data', 'results']) if (Array.isArray(data[key])) return data[key];
    const arrays = Object.values(data).filter(Array.isArray);
    if (arrays.length === 1) return arrays[0];
  }
  return [];
}

// Partial update: PATCH where the service has it, PUT of the merged object otherwise.
export async function update(path, current, changes) {
  try {
    return await patch(path, changes);
  } catch (error) {
    if (error.status !== 405 && error.status !== 404) throw error;
    return put(path, {...current, ...changes});
  }
}

export function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, v);
  const text = q.toString();
  return text ? `?${text}` : '';
}
