// Admin: bookings waiting for approval (event spaces), approve or reject.
import {h} from '../dom.js';
import {t} from '../i18n.js';
import * as api from '../api.js';
import {load_spaces} from '../spaces.js';
import {announce, announce_error, explain, alert_box} from '../messages.js';
import {today, add_days, wall, format_range} from '../time.js';

export async function admin_approvals_view(container) {
  container.append(h('h1', {tabindex: '-1'}, t('nav_admin_approvals')));
  const slot = h('div', {});
  container.append(slot);
  await draw(slot);
}

async function draw(slot) {
  let pending, spaces;
  try {
    [pending, spaces] = await Promise.all([
      api.get(`/bookings${api.query({from: wall(today(), '00:00'), to: wall(add_days(today(), 365), '00:00'), status: 'pending'})}`).then(api.items),
      load_spaces(),
    ]);
  } catch (error) {
    slot.replaceChildren(alert_box(explain(error)));
    return;
  }
  pending = pending.filter((b) => b.status === 'pending');
  if (!pending.length) { slot.replaceChildren(h('p', {class: 'notice'}, t('no_approvals'))); return; }
  const names = new Map(spaces.map((sp) => [sp.id, sp.name]));
  const act = async (b, verb, msg) => {
    const path = (v) => `/bookings/${encodeURIComponent(b.id)}/${v}`;
    try {
      // Rejecting is cancelling on a service without a separate reject route.
      await api.post(path(verb)).catch((error) => {
        if (verb === 'reject' && (error.status === 404 || error.status === 405)) return api.post(path('cancel'));
        throw error;
      });
      announce(msg, 'success');
    } catch (error) { announce_error(error); }
    draw(slot);
  };
  slot.replaceChildren(h('div', {class: 'table-wrap'}, h('table', {class: 'data'},
    h('caption', {class: 'visually-hidden'}, t('nav_admin_approvals')),
    h('thead', {}, h('tr', {}, ['space', 'when', 'seats', 'title', 'user', 'actions'].map((c) => h('th', {scope: 'col'}, t(`col_${c}`))))),
    h('tbody', {}, pending.map((b) => {
      const name = names.get(String(b.space_id)) ?? '';
      return h('tr', {'data-booking-id': b.id}, h('th', {scope: 'row'}, name), h('td', {}, format_range(b.start, b.end)),
        h('td', {}, String(b.seats ?? 1)), h('td', {}, b.title ?? ''), h('td', {}, b.user_email ?? b.user?.email ?? b.user_id ?? ''),
        h('td', {}, h('div', {class: 'row-actions'},
          h('button', {type: 'button', class: 'button small primary', onclick: () => act(b, 'approve', t('approved_msg', {name}))}, t('approve')),
          h('button', {type: 'button', class: 'button small danger', onclick: () => act(b, 'reject', t('rejected_msg', {name}))}, t('reject')))));
    })))));
}
