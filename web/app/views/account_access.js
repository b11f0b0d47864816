// Where the member is signed in, and their bearer tokens for scripts: each listed with its
// times, each ended on its own. The session of this browser is marked and not offered.
import {h} from '../dom.js';
import {t, locale} from '../i18n.js';
import * as api from '../api.js';
import {confirm_dialog} from '../dialog.js';
import {announce, announce_error, explain, alert_box} from '../messages.js';

const when = (iso) => (iso ? new Date(iso).toLocaleString(locale(), {dateStyle: 'medium', timeStyle: 'short'})
  : t('token_never_used'));

function table(caption, columns, rows) {
  return h('div', {class: 'table-wrap'}, h('table', {class: 'data'},
    h('caption', {class: 'visually-hidden'}, caption),
    h('thead', {}, h('tr', {}, columns.map((c) => h('th', {scope: 'col'}, t(`col_${c}`))))),
    h('tbody', {}, rows)));
}

async function load(slot, path) {
  try {
    return api.items(await api.get(path));
  } catch (error) {
    slot.replaceChildren(alert_box(explain(error)));
    return null;
  }
}

// Runs one change, says how it went, and redraws the list it changed.
async function act(run, done_text, redraw) {
  try {
    await run();
    announce(done_text, 'success');
  } catch (error) {
    announce_error(error);
  }
  await redraw();
}

export async function draw_sessions(slot) {
  const sessions = await load(slot, '/auth/sessions');
  if (!sessions) return;
  const end = (s) => act(() => api.del(`/auth/sessions/${encodeURIComponent(s.id)}`), t('session_ended'),
    () => draw_sessions(slot));
  const rows = sessions.map((s, i) => h('tr', {'data-session-id': s.id},
    h('th', {scope: 'row'}, s.current ? t('session_current') : t('session_other', {n: i + 1})),
    h('td', {}, when(s.created_at)), h('td', {}, when(s.last_seen)), h('td', {}, when(s.expires_at)),
    h('td', {}, s.current ? '' : h('button', {type: 'button', class: 'button small danger', onclick: () => end(s)},
      t('session_end'), h('span', {class: 'visually-hidden'}, ` ${t('session_other', {n: i + 1})}`)))));
  slot.replaceChildren(
    h('h2', {id: 'sessions-heading'}, t('sessions_title')), h('p', {}, t('sessions_intro')),
    table(t('sessions_title'), ['session', 'signed_in', 'last_active', 'ends', 'actions'], rows));
}

export async function draw_tokens(slot) {
  const tokens = await load(slot, '/auth/tokens');
  if (!tokens) return;
  const revoke = async (token) => {
    if (!await confirm_dialog(t('revoke'), t('token_revoke_confirm', {name: token.name}), t('revoke'))) return;
    await act(() => api.del(`/auth/tokens/${encodeURIComponent(token.id)}`), t('token_revoked'),
      () => draw_tokens(slot));
  };
  const rows = tokens.map((token) => h('tr', {'data-token-id': token.id},
    h('th', {scope: 'row'}, token.name),
    h('td', {}, when(token.created_at)), h('td', {}, when(token.last_used)), h('td', {}, when(token.expires_at)),
    h('td', {}, h('button', {type: 'button', class: 'button small danger', onclick: () => revoke(token)},
      t('revoke'), h('span', {class: 'visually-hidden'}, ` ${token.name}`)))));
  slot.replaceChildren(h('h2', {id: 'tokens-heading'}, t('tokens_title')),
    tokens.length ? table(t('tokens_title'), ['name', 'created', 'last_used', 'ends', 'actions'], rows)
      : h('p', {class: 'notice'}, t('tokens_none')));
}
