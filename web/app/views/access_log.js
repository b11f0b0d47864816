// Admin: the access log, live. Shows the newest events on open (GET /access-events), then
// appends what the doors report as it happens over the live WebSocket; filters by door,
// outcome, person or card and time apply to both. New events are announced politely.
import {h, field} from '../dom.js';
import {t, has} from '../i18n.js';
import * as api from '../api.js';
import {explain, alert_box} from '../messages.js';
import {format_instant, today, wall_to_utc} from '../time.js';
import {date_field} from '../date_echo.js';
import {open_live_log} from '../live_log.js';
import {time_select} from '../time_select.js';

const shown_max = 100;
export const event_kinds = ['tap_granted', 'tap_denied', 'exit_button', 'door_forced_open', 'door_held_open',
  'door_closed', 'reader_lost', 'reader_recovered', 'list_refused', 'list_accepted',
  'fire_alarm_raised', 'fire_alarm_cleared'];

export const kind_text = (kind) => (has(`event_${kind}`) ? t(`event_${kind}`) : kind);
// A board's deny reason in words; reasons without a translation (a refused list's detail) as sent.
const reason_text = (reason) => (reason && has(`reason_${reason}`) ? t(`reason_${reason}`) : reason || '');

export async function access_log_view(container, {token} = {}) {
  const [doors, controllers, users] = await Promise.all([
    api.get('/doors').then(api.items).catch(() => []),
    api.get('/controllers').then(api.items).catch(() => []),
    api.get('/users').then(api.items).catch(() => []),
  ]);
  const door_name = new Map(doors.map((d) => [String(d.id), d.name]));
  const controller_name = new Map(controllers.map((c) => [String(c.id), c.name]));
  const user_name = new Map(users.map((u) => [String(u.id), u.display_name || u.email]));
  const user_email = new Map(users.map((u) => [String(u.id), u.email || '']));

  const door_in = h('select', {name: 'door'}, h('option', {value: ''}, t('log_any_door')),
    doors.map((d) => h('option', {value: d.id}, d.name)));
  const kind_in = h('select', {name: 'kind'}, h('option', {value: ''}, t('log_any_outcome')),
    event_kinds.map((k) => h('option', {value: k}, kind_text(k))));
  const who_in = h('input', {type: 'search', name: 'who', autocomplete: 'off'});
  const date_in = h('input', {type: 'date', name: 'since_date', value: today()});
  const time_in = time_select('00:00', {name: 'since_time'});
  const form = h('form', {class: 'toolbar', role: 'search', 'aria-label': t('log_filters')},
    field(t('door'), door_in), field(t('log_outcome'), kind_in),
    field(t('log_person_or_card'), who_in, t('log_person_or_card_hint')),
    date_field(t('log_since_date'), date_in), field(t('log_since_time'), time_in),
    h('button', {type: 'submit', class: 'button'}, t('show')));

  const live_state = h('p', {class: 'live-state', 'data-live': 'connecting'}, t('log_live_connecting'));
  const announcer = h('p', {class: 'visually-hidden', 'aria-live': 'polite', id: 'access-log-announcer'});
  const slot = h('div', {class: 'log-slot'});
  container.append(h('h1', {tabindex: '-1'}, t('nav_admin_access_log')), h('p', {}, t('log_intro')),
    form, live_state, announcer, slot);

  let events = [];
  const seen = new Set();
  const filter = () => ({door: door_in.value, kind: kind_in.value, who: who_in.value.trim().toLowerCase(),
    since_ms: Date.parse(wall_to_utc(date_in.value, time_in.value || '00:00')) || 0});
  let current = filter();

  const matches = (e, f) => {
    if (f.door && String(e.door_id) !== f.door) return false;
    if (f.kind && e.kind !== f.kind) return false;
    if (f.since_ms && Number(e.at_ms) < f.since_ms) return false;
    if (f.who) {
      const hay = [e.card, e.credential_id, user_name.get(String(e.user_id)), user_email.get(String(e.user_id))]
        .filter(Boolean).join(' ').toLowerCase();
      if (!hay.includes(f.who)) return false;
    }
    return true;
  };

  const row = (e, fresh) => h('tr', {'data-event-id': e.id, 'data-kind': e.kind, class: fresh ? 'fresh' : null},
    h('td', {}, h('time', {datetime: e.at}, format_instant(e.at))),
    h('th', {scope: 'row'}, door_name.get(String(e.door_id)) ?? e.door_id),
    h('td', {}, h('span', {class: `badge event-${e.kind}`}, kind_text(e.kind))),
    h('td', {}, e.user_id ? (user_name.get(String(e.user_id)) ?? e.user_id) : (e.card ? t('log_unknown_card') : '–'),
      e.card ? h('span', {class: 'hint log-card'}, ` ${e.card.slice(0, 8)}…`) : null),
    h('td', {}, reason_text(e.reason)),
    h('td', {}, controller_name.get(String(e.controller_id)) ?? e.controller_id));

  let tbody = null;
  const draw = () => {
    const shown = events.filter((e) => matches(e, current)).slice(0, shown_max);
    tbody = h('tbody', {}, shown.map((e) => row(e, false)));
    slot.replaceChildren(...[
      h('p', {class: 'hint log-count'}, t('log_count', {count: shown.length})),
      h('div', {class: 'table-wrap'}, h('table', {class: 'data access-log'},
        h('caption', {class: 'visually-hidden'}, t('nav_admin_access_log')),
        h('thead', {}, h('tr', {}, ['log_col_time', 'door', 'log_outcome', 'log_col_person', 'log_col_reason', 'log_col_controller']
          .map((k) => h('th', {scope: 'col'}, t(k))))),
        tbody)),
      shown.length ? null : h('p', {class: 'notice log-empty'}, t('log_empty'))].filter(Boolean));
  };

  const load = async () => {
    const f = current;
    const params = {limit: 200, door: f.door || undefined,
      outcome: f.kind === 'tap_granted' ? 'granted' : f.kind === 'tap_denied' ? 'denied' : undefined,
      from: date_in.value ? `${date_in.value}T${time_in.value || '00:00'}:00` : undefined};
    try {
      events = api.items(await api.get(`/access-events${api.query(params)}`));
    } catch (error) {
      slot.replaceChildren(alert_box(explain(error)));
      return;
    }
    for (const e of events) seen.add(e.id);
    draw();
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    current = filter();
    load();
  });

  const arrived = (e) => {
    if (seen.has(e.id)) return;
    seen.add(e.id);
    events.unshift(e);
    if (events.length > 1000) events.length = 1000;
    if (!matches(e, current) || !tbody) return;
    if (slot.querySelector('.log-empty')) { draw(); } else {
      tbody.prepend(row(e, true));
      while (tbody.children.length > shown_max) tbody.lastElementChild.remove();
      slot.querySelector('.log-count').textContent = t('log_count', {count: tbody.children.length});
    }
    announcer.textContent = t('log_new_event', {kind: kind_text(e.kind), door: door_name.get(String(e.door_id)) ?? e.door_id});
  };

  await load();
  open_live_log({
    alive: () => (token ? token() : true) && container.isConnected,
    on_event: arrived,
    on_state: (state) => {
      live_state.dataset.live = state;
      live_state.textContent = t(`log_live_${state}`);
    },
  });
}
