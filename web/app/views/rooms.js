// Rooms, labs, training and event spaces on a day timeline: each hour of the day is a cell,
// free hours are buttons that open the booking dialog for that hour.
import {h, field} from '../dom.js';
import {t} from '../i18n.js';
import {load_sites, load_spaces, load_space_timeline, room_kinds, kind_label} from '../spaces.js';
import {book_space} from './booking_dialog.js';
import {explain, alert_box} from '../messages.js';
import {next_weekday, wall, split, minutes, hhmm} from '../time.js';
import {date_field} from '../date_echo.js';

const state = {date: next_weekday(), kind: '', seats: 1, feature: '', site: ''};
const first_hour = 7, last_hour = 22;

export async function rooms_view(container) {
  const sites = await load_sites().catch(() => []);
  if (!state.site && sites[0]) state.site = String(sites[0].id);
  const all = (await load_spaces({site: state.site})).filter((sp) => sp.kind !== 'desk');
  const features = [...new Set(all.flatMap((sp) => sp.features))].sort();
  const date_in = h('input', {type: 'date', value: state.date});
  const kind_in = h('select', {}, h('option', {value: ''}, t('all_kinds')),
    room_kinds.map((k) => h('option', {value: k, selected: k === state.kind}, kind_label(k))));
  const seats_in = h('input', {type: 'number', min: 1, value: state.seats});
  const feature_in = h('select', {}, h('option', {value: ''}, t('any_feature')),
    features.map((f) => h('option', {value: f, selected: f === state.feature}, feature_label(f))));
  const list = h('div', {class: 'room-list', 'aria-live': 'polite'});
  const form = h('form', {class: 'toolbar', role: 'search', 'aria-label': t('filters')},
    date_field(t('date'), date_in), field(t('kind'), kind_in), field(t('seats_needed'), seats_in),
    field(t('feature'), feature_in), h('button', {type: 'submit', class: 'button'}, t('show')));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    Object.assign(state, {date: date_in.value, kind: kind_in.value, seats: Number(seats_in.value) || 1, feature: feature_in.value});
    draw(list, all);
  });
  container.append(h('h1', {tabindex: '-1'}, t('nav_rooms')), h('p', {}, t('rooms_intro')), form, list);
  await draw(list, all);
}

export function feature_label(f) {
  const key = `feature_${f}`;
  const text = t(key);
  return text === key ? f : text;
}

async function draw(list, all) {
  const rooms = all.filter((sp) => (!state.kind || sp.kind === state.kind)
    && sp.capacity >= state.seats && (!state.feature || sp.features.includes(state.feature)));
  list.replaceChildren(h('p', {class: 'plan-summary'}, t('rooms_found', {count: rooms.length})));
  const from = wall(state.date, hhmm(first_hour * 60)), to = wall(state.date, hhmm(last_hour * 60));
  const lines = await Promise.all(rooms.map(async (room) => {
    try { return [room, await load_space_timeline(room.id, from, to)]; } catch (error) { return [room, error]; }
  }));
  for (const [room, timeline] of lines) list.append(room_card(room, timeline, () => draw(list, all)));
}

function room_card(room, timeline, redraw) {
  const heading_id = `room-${room.id}`;
  const card = h('section', {class: 'room card', 'aria-labelledby': heading_id, 'data-space-id': room.id},
    h('h2', {id: heading_id}, room.name),
    h('p', {class: 'room-meta'}, [kind_label(room.kind), t('seats_count', {count: room.capacity}),
      room.features.map(feature_label).join(', ')].filter(Boolean).join(' · ')));
  if (timeline instanceof Error) {
    card.append(alert_box(explain(timeline)));
    return card;
  }
  const row = h('ol', {class: 'timeline', 'aria-label': t('timeline_for', {name: room.name})});
  for (let hour = first_hour; hour < last_hour; hour += 1) {
    const start = hhmm(hour * 60), end = hhmm((hour + 1) * 60);
    const free = free_seats_during(timeline, start, end);
    const ok = free >= state.seats;
    const label = t(ok ? 'slot_free' : 'slot_taken', {from: start, to: end, seats: free});
    const cell = ok
      ? h('button', {type: 'button', class: 'slot slot-free', 'aria-label': label, title: label,
        onclick: async () => {
          await book_space(room, {date: state.date, start, end: hhmm(Math.min(last_hour, hour + 1) * 60), seats: state.seats});
          redraw();
        }}, start.slice(0, 2))
      : h('span', {class: 'slot slot-taken', title: label}, h('span', {class: 'visually-hidden'}, label),
        h('span', {'aria-hidden': 'true'}, start.slice(0, 2)));
    row.append(h('li', {}, cell));
  }
  card.append(row);
  return card;
}

// Least free seats over [start, end) on the chosen day; hours the timeline does not cover
// (closed) have none.
function free_seats_during(timeline, start, end) {
  const a = minutes(start), b = minutes(end);
  let covered = 0, least = Infinity;
  for (const slot of timeline) {
    const s0 = split(slot.start), s1 = split(slot.end);
    if (s0.date && s0.date !== state.date && s1.date === state.date) s0.time = '00:00';
    const x = s0.date === state.date ? minutes(s0.time) : 0;
    const y = s1.date === state.date ? minutes(s1.time) : 24 * 60;
    const lo = Math.max(a, x), hi = Math.min(b, y);
    if (hi <= lo) continue;
    covered += hi - lo;
    least = Math.min(least, slot.free);
  }
  return covered >= b - a ? least : 0;
}
