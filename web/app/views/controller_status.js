// Admin: door controllers with their live status (online, last seen, clock skew, reader,
// door, last event), refreshed every few seconds and at once when the live log reports an
// event; registering a new one and revoking one. Used on the doors page and on its own page.
import {h} from '../dom.js';
import {t} from '../i18n.js';
import * as api from '../api.js';
import {explain, alert_box} from '../messages.js';
import {format_instant} from '../time.js';
import {kind_text} from './access_log.js';
import {open_live_log} from '../live_log.js';
import {new_controller_dialog, revoke_button} from './controller_enrolment.js';

const refresh_ms = 10000;

export async function controller_status_section(container, {token, heading = 'h2'} = {}) {
  const title_id = 'controller-status-title';
  const updated = h('p', {class: 'hint controllers-updated'});
  const slot = h('div', {class: 'controllers-slot'});
  const add = h('button', {type: 'button', class: 'button', onclick: () => new_controller_dialog(() => draw())},
    t('new_controller'));
  container.append(h('section', {class: 'controller-status-section', 'aria-labelledby': title_id},
    h(heading, {id: title_id, tabindex: heading === 'h1' ? '-1' : null}, t('controllers_live_title')),
    h('p', {}, t('controllers_live_intro')), h('div', {class: 'toolbar'}, add), updated, slot));
  const doors = new Map((await api.get('/doors').then(api.items).catch(() => [])).map((d) => [String(d.id), d.name]));
  const alive = () => (token ? token() : true) && slot.isConnected;

  const yes_no = (flag, yes, no) => h('span', {class: `badge ${flag ? 'state-ok' : 'state-bad'}`}, t(flag ? yes : no));
  const skew = (ms) => (ms === null || ms === undefined ? '–' : t('controllers_skew_ms', {ms: String(ms)}));
  const draw = async () => {
    let controllers, events;
    try {
      [controllers, events] = await Promise.all([
        api.get('/controllers').then(api.items),
        api.get('/access-events?limit=200').then(api.items).catch(() => []),
      ]);
    } catch (error) {
      slot.replaceChildren(alert_box(explain(error)));
      return;
    }
    const last_event = new Map();
    for (const e of events) if (!last_event.has(String(e.controller_id))) last_event.set(String(e.controller_id), e);
    updated.textContent = t('controllers_updated', {time: format_instant(new Date().toISOString())});
    if (!controllers.length) { slot.replaceChildren(h('p', {class: 'notice'}, t('controllers_none'))); return; }
    slot.replaceChildren(h('div', {class: 'table-wrap'}, h('table', {class: 'data controller-status'},
      h('caption', {class: 'visually-hidden'}, t('controllers_live_title')),
      h('thead', {}, h('tr', {}, ['col_name', 'controllers_col_doors', 'controllers_col_online', 'controllers_col_last_seen',
        'controllers_col_skew', 'controllers_col_reader', 'controllers_col_door', 'controllers_col_last_event', 'col_actions']
        .map((k) => h('th', {scope: 'col'}, t(k))))),
      h('tbody', {}, controllers.map((c) => {
        const last = last_event.get(String(c.id));
        return h('tr', {'data-controller-id': c.id, 'data-online': String(!!c.online)},
          h('th', {scope: 'row'}, c.name, c.status !== 'enrolled' ? h('span', {class: 'hint'}, ` (${t(`controller_status_${c.status}`)})`) : null),
          h('td', {}, (c.door_ids || []).map((id) => doors.get(String(id)) ?? id).join(', ')),
          h('td', {}, yes_no(c.online, 'controllers_online', 'controllers_offline')),
          h('td', {}, c.last_seen ? h('time', {datetime: c.last_seen}, format_instant(c.last_seen)) : '–'),
          h('td', {}, skew(c.clock_skew_ms)),
          h('td', {}, t(`reader_${c.reader || 'unknown'}`)),
          h('td', {}, t(`door_state_${c.door_state || 'unknown'}`)),
          h('td', {}, last ? [kind_text(last.kind), h('span', {class: 'hint'}, ` ${format_instant(last.at)}`)] : '–'),
          h('td', {}, c.status !== 'revoked' ? revoke_button(c, () => draw()) : null));
      })))));
  };

  await draw();
  const timer = setInterval(() => { if (alive()) draw(); else clearInterval(timer); }, refresh_ms);
  // Door states change with events (forced, held open, closed): refresh at once on each.
  open_live_log({alive, on_event: () => draw()});
}

export async function controllers_view(container, opts) {
  await controller_status_section(container, {...opts, heading: 'h1'});
}
