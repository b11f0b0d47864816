// The front desk: who is expected from an hour ago to a day ahead, found by name, checked in
// with one click. Booking for a member happens in the usual booking dialog ("for").
import {h, field} from '../dom.js';
import {t} from '../i18n.js';
import * as api from '../api.js';
import {load_spaces} from '../spaces.js';
import {announce, announce_error, explain, alert_box} from '../messages.js';
import {format_instant} from '../time.js';

const hour = 3600 * 1000;

export async function front_desk_view(container) {
  container.append(h('h1', {tabindex: '-1'}, t('nav_admin_front_desk')), h('p', {}, t('front_desk_intro')));
  const filter = h('input', {type: 'search', autocomplete: 'off', name: 'member'});
  const slot = h('div', {'data-front-desk': ''});
  container.append(h('div', {class: 'toolbar'}, field(t('front_desk_search'), filter)), slot);
  const state = {filter, bookings: [], users: new Map(), spaces: new Map()};
  filter.addEventListener('input', () => fill(slot, state));
  await load(slot, state);
}

async function load(slot, state) {
  const now = Date.now();
  const from = new Date(now - hour).toISOString(), to = new Date(now + 24 * hour).toISOString();
  try {
    const [bookings, users, spaces] = await Promise.all([
      api.get(`/bookings${api.query({from, to})}`).then(api.items),
      api.get('/users').then(api.items),
      load_spaces(),
    ]);
    state.bookings = bookings.filter((b) => ['confirmed', 'checked_in', 'pending'].includes(b.status))
      .sort((a, b) => (a.start < b.start ? -1 : 1));
    state.users = new Map(users.map((u) => [String(u.id), u]));
    state.spaces = new Map(spaces.map((sp) => [String(sp.id), sp.name]));
  } catch (error) {
    slot.replaceChildren(alert_box(explain(error)));
    return;
  }
  fill(slot, state);
}

function fill(slot, state) {
  const q = state.filter.value.trim().toLowerCase();
  const who = (b) => state.users.get(String(b.user_id));
  const shown = state.bookings.filter((b) => {
    const u = who(b);
    return !q || `${u?.display_name ?? ''} ${u?.email ?? ''}`.toLowerCase().includes(q);
  });
  if (!shown.length) {
    slot.replaceChildren(h('p', {class: 'notice'}, t(q ? 'front_desk_nobody_found' : 'front_desk_nobody')));
    return;
  }
  const rows = shown.map((b) => {
    const member = who(b)?.display_name || who(b)?.email || b.user_id;
    const space = state.spaces.get(String(b.space_id)) ?? '';
    const check_in = b.status === 'confirmed'
      ? h('button', {type: 'button', class: 'button small', onclick: () => check(slot, state, b, member)},
        t('check_in'), h('span', {class: 'visually-hidden'}, ` ${member}`))
      : '';
    return h('tr', {'data-booking-id': b.id},
      h('th', {scope: 'row'}, member), h('td', {}, space),
      h('td', {}, `${format_instant(b.start)} – ${format_instant(b.end)}`),
      h('td', {}, h('span', {class: `badge status-${b.status}`}, t(`status_${b.status}`))),
      h('td', {}, check_in));
  });
  slot.replaceChildren(h('div', {class: 'table-wrap'}, h('table', {class: 'data'},
    h('caption', {class: 'visually-hidden'}, t('nav_admin_front_desk')),
    h('thead', {}, h('tr', {}, ['user', 'space', 'when', 'status', 'actions'].map((c) => h('th', {scope: 'col'}, t(`col_${c}`))))),
    h('tbody', {}, rows))));
}

async function check(slot, state, booking, member) {
  try {
    await api.post(`/bookings/${encodeURIComponent(booking.id)}/check-in`);
    announce(t('front_desk_checked_in', {member}), 'success');
  } catch (error) {
    announce_error(error);
  }
  await load(slot, state);
}
