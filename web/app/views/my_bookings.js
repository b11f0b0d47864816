// The member's own bookings from today on, with change, cancel and check-in.
import {h} from '../dom.js';
import {t} from '../i18n.js';
import * as api from '../api.js';
import {current_user, is_admin} from '../session.js';
import {load_spaces} from '../spaces.js';
import {confirm_dialog} from '../dialog.js';
import {edit_booking} from './booking_dialog.js';
import {announce, announce_error, explain, alert_box} from '../messages.js';
import {today, add_days, wall, format_range} from '../time.js';

export async function my_bookings_view(container, ctx) {
  container.append(h('h1', {tabindex: '-1'}, t('nav_my_bookings')));
  const slot = h('div', {});
  container.append(slot);
  await draw(slot, ctx);
}

async function draw(slot) {
  const from = wall(today(), '00:00'), to = wall(add_days(today(), 120), '00:00');
  let bookings, spaces;
  try {
    const me = current_user();
    [bookings, spaces] = await Promise.all([
      api.get(`/bookings${api.query({from, to, user: is_admin() ? me?.id : undefined})}`).then(api.items),
      load_spaces(),
    ]);
  } catch (error) {
    slot.replaceChildren(alert_box(explain(error)));
    return;
  }
  const me = current_user();
  const names = new Map(spaces.map((sp) => [sp.id, sp.name]));
  const by_id = new Map(spaces.map((sp) => [String(sp.id), sp]));
  const mine = bookings.filter((b) => !is_admin() || b.user_id === undefined || String(b.user_id) === String(me?.id))
    .filter((b) => b.status !== 'cancelled')
    .sort((a, b) => (a.start < b.start ? -1 : 1));
  if (!mine.length) {
    slot.replaceChildren(h('p', {class: 'notice'}, t('no_bookings')), h('p', {}, h('a', {href: '#/desks'}, t('book_a_desk'))));
    return;
  }
  const rows = mine.map((b) => {
    const name = names.get(String(b.space_id)) ?? b.space_name ?? b.space?.name ?? '';
    const actions = h('div', {class: 'row-actions'});
    const space = by_id.get(String(b.space_id));
    if (space && ['confirmed', 'pending', 'checked_in'].includes(b.status) && new Date(b.end) > new Date()) {
      actions.append(h('button', {type: 'button', class: 'button small secondary',
        onclick: async () => { if (await edit_booking(b, space, spaces)) await draw(slot); }},
      t('edit_booking'), h('span', {class: 'visually-hidden'}, ` ${name}`)));
    }
    if (['confirmed', 'pending'].includes(b.status)) {
      if (b.status === 'confirmed') {
        actions.append(h('button', {type: 'button', class: 'button small',
          onclick: () => act(slot, b, 'check-in', t('checked_in_msg', {name}))}, t('check_in'), h('span', {class: 'visually-hidden'}, ` ${name}`)));
      }
      actions.append(h('button', {type: 'button', class: 'button small danger',
        onclick: async () => {
          if (await confirm_dialog(t('cancel_booking'), t('cancel_booking_confirm', {name, when: format_range(b.start, b.end)}), t('cancel_booking')))
            act(slot, b, 'cancel', t('cancelled_msg', {name}));
        }}, t('cancel_booking'), h('span', {class: 'visually-hidden'}, ` ${name}`)));
    }
    return h('tr', {'data-booking-id': b.id},
      h('th', {scope: 'row'}, name),
      h('td', {}, format_range(b.start, b.end)),
      h('td', {}, String(b.seats ?? 1)),
      h('td', {}, h('span', {class: `badge status-${b.status}`}, t(`status_${b.status}`))),
      h('td', {}, actions));
  });
  slot.replaceChildren(h('div', {class: 'table-wrap'}, h('table', {class: 'data'},
    h('caption', {class: 'visually-hidden'}, t('nav_my_bookings')),
    h('thead', {}, h('tr', {}, ['space', 'when', 'seats', 'status', 'actions'].map((c) => h('th', {scope: 'col'}, t(`col_${c}`))))),
    h('tbody', {}, rows))));
}

async function act(slot, booking, verb, done) {
  try {
    await api.post(`/bookings/${encodeURIComponent(booking.id)}/${verb}`);
    announce(done, 'success');
  } catch (error) {
    announce_error(error);
  }
  await draw(slot);
}
