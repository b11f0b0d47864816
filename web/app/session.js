// Who is signed in. The session cookie is HttpOnly, so the UI learns it from /users/me and
// keeps only the CSRF token (sessionStorage) for writes.
import * as api from './api.js';

let me = null;

export function current_user() { return me; }
export function is_admin() { return me?.role === 'admin'; }

// After a reload the cookie may still be valid: /auth/session returns the user and, for a
// cookie session, its CSRF token again (sessionStorage is per tab).
export async function load_me() {
  try {
    const data = await api.get('/auth/session');
    if (data?.csrf_token) api.set_csrf(data.csrf_token);
    me = data?.user ?? data;
  } catch (error) {
    if (error.status !== 401 && error.status !== 403) throw error;
    me = null;
  }
  return me;
}

export async function sign_in(email, password) {
  const data = await api.post('/auth/login', {email, password});
  api.set_csrf(data?.csrf_token);
  if (data?.user) me = data.user;
  else await load_me();
  return me;
}

export async function sign_out() {
  try { await api.post('/auth/logout'); } catch { /* the session is gone either way */ }
  api.set_csrf(null);
  me = null;
}

export function forget() { me = null; api.set_csrf(null); }
