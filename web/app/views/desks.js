// The shared office as an SVG floor plan: each desk free, taken or mine for the chosen day
// and time window. Desks are buttons (click, Enter or Space) and say their state in words,
// not only in colour.
import {h, s, field} from '../dom.js';
import {t} from '../i18n.js';
import * as api from '../api.js';
import {current_user, is_admin} from '../session.js';
import {load_sites, load_spaces, load_availability} from '../spaces.js';
import {book_space} from './booking_dialog.js';
import {explain, alert_box} from '../messages.js';
import {next_weekday, wall} from '../time.js';
import {date_field} from '../date_echo.js';
import {time_select} from '../time_select.js';

const state = {date: next_weekday(), start: '09:00', end: '17:00', site: ''};

export async function desks_view(container) {
  const date_in = h('input', {type: 'date', value: state.date});
  const start_in = time_select(state.start, {name: 'start'});
  const end_in = time_select(state.end, {name: 'end'});
  const plan_slot = h('div', {class: 'plan-slot', 'aria-live': 'polite', 'aria-busy': 'true'});
  const sites = await load_sites().catch(() => []);
  if (!state.site && sites[0]) state.site = String(sites[0].id);
  const site_in = h('select', {}, sites.map((site) => h('option', {value: site.id, selected: String(site.id) === state.site}, site.name)));
  const form = h('form', {class: 'toolbar', role: 'search', 'aria-label': t('choose_time')},
    sites.length > 1 ? field(t('site'), site_in) : null,
    date_field(t('date'), date_in), field(t('from'), start_in), field(t('to'), end_in),
    h('button', {type: 'submit', class: 'button'}, t('show')));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    Object.assign(state, {date: date_in.value, start: start_in.value, end: end_in.value, site: site_in.value});
    draw(plan_slot);
  });
  container.append(h('h1', {tabindex: '-1'}, t('nav_desks')), h('p', {}, t('desks_intro')), form,
    legend(), plan_slot);
  await draw(plan_slot);
}

function legend() {
  return h('ul', {class: 'legend', 'aria-label': t('legend')},
    ['free', 'taken', 'mine'].map((st) => h('li', {}, h('span', {class: `swatch desk-${st}`, 'aria-hidden': 'true'}, mark(st)), t(`desk_${st}`))));
}

const mark = (st) => ({free: '', taken: '×', mine: '★'}[st]);

async function draw(slot) {
  slot.setAttribute('aria-busy', 'true');
  const from = wall(state.date, state.start), to = wall(state.date, state.end);
  let desks, free, bookings;
  try {
    [desks, free, bookings] = await Promise.all([
      load_spaces({kind: 'desk', site: state.site}),
      load_availability({kind: 'desk', site: state.site, from, to, seats: 1}),
      api.get(`/bookings${api.query({from, to})}`).then(api.items),
    ]);
  } catch (error) {
    slot.replaceChildren(alert_box(explain(error)));
    slot.setAttribute('aria-busy', 'false');
    return;
  }
  const me = current_user();
  // The service lists only bookings that overlap the window; the plan shows the live ones.
  const active = bookings.filter((b) => ['pending', 'confirmed', 'checked_in'].includes(b.status));
  const status_of = (desk) => {
    const own = active.find((b) => String(b.space_id) === desk.id && (!is_admin() || String(b.user_id) === String(me?.id)));
    if (own) return 'mine';
    return (free.get(desk.id) ?? 0) > 0 ? 'free' : 'taken';
  };
  desks.sort((a, b) => a.name.localeCompare(b.name, undefined, {numeric: true}));
  const placed = layout(desks);
  const svg = plan_svg(placed, status_of, async (desk) => {
    await book_space(desk, {date: state.date, start: state.start, end: state.end});
    draw(slot);  // booked, or someone else took it meanwhile: either way the plan changed
  }, (desk) => free.get(desk.id) ?? 0);
  // Desks are counted one by one; a shared pool is a number of seats, said on its own.
  const counts = {free: 0, taken: 0, mine: 0};
  const pools = placed.filter((d) => d.capacity > 1);
  for (const d of placed) if (!(d.capacity > 1)) counts[status_of(d)] += 1;
  const pool_text = pools.map((p) => `${p.name}: ${t('seats_free', {free: free.get(p.id) ?? 0, capacity: p.capacity})}`
    + (status_of(p) === 'mine' ? ` (${t('desk_mine')})` : ''));
  slot.replaceChildren(
    h('p', {class: 'plan-summary'}, [t('desks_summary', counts), ...pool_text].join('; ')),
    desks.length ? svg : h('p', {class: 'notice'}, t('no_desks')));
  slot.setAttribute('aria-busy', 'false');
}

// Desks without a stored position are laid out on a grid after the placed ones.
export function layout(desks) {
  const placed = desks.filter((d) => d.position);
  const loose = desks.filter((d) => !d.position);
  const max_y = placed.reduce((m, d) => Math.max(m, d.position.y + d.position.h), 0);
  loose.forEach((d, i) => {
    d.position = {x: (i % 6) * 2 + 1, y: max_y + Math.floor(i / 6) * 2 + 1, w: 1.5, h: 1.2};
  });
  return [...placed, ...loose];
}

export function plan_bounds(desks) {
  const xs = desks.flatMap((d) => [d.position.x, d.position.x + d.position.w]);
  const ys = desks.flatMap((d) => [d.position.y, d.position.y + d.position.h]);
  const min_x = Math.min(0, ...xs), min_y = Math.min(0, ...ys);
  const max_x = Math.max(1, ...xs), max_y = Math.max(1, ...ys);
  const pad = Math.max(max_x - min_x, max_y - min_y) * 0.04;
  return {x: min_x - pad, y: min_y - pad, w: max_x - min_x + 2 * pad, h: max_y - min_y + 2 * pad};
}

function plan_svg(desks, status_of, on_book, free_seats) {
  const b = plan_bounds(desks);
  const font = Math.max(b.w, b.h) / 45;
  const svg = s('svg', {class: 'floor-plan', viewBox: `${b.x} ${b.y} ${b.w} ${b.h}`,
    role: 'group', 'aria-label': t('floor_plan')},
  s('rect', {class: 'plan-floor', x: b.x, y: b.y, width: b.w, height: b.h, rx: font / 2}));
  for (const desk of desks) {
    const st = status_of(desk);
    const p = desk.position;
    // A shared pool (flex desks) says how many of its seats are still free.
    const pool = desk.capacity > 1 && st === 'free' ? t('seats_free', {free: free_seats(desk), capacity: desk.capacity}) : '';
    // The accessible name starts with the visible text ("Flex pool 7/10"), as WCAG 2.5.3 asks.
    const shown_name = pool ? `${desk.name} · ${free_seats(desk)}/${desk.capacity}` : desk.name;
    const label = t('desk_label', {name: shown_name, state: t(`desk_${st}`)}) + (pool ? ` (${pool})` : '');
    const g = s('g', {class: `desk desk-${st}`, 'data-space-id': desk.id, 'data-state': st,
      role: 'button', 'aria-label': label, 'aria-disabled': st === 'free' ? null : 'true', tabindex: '0'},
    s('title', {}, label),
    s('rect', {x: p.x, y: p.y, width: p.w, height: p.h, rx: Math.min(p.w, p.h) / 8}),
    s('text', {x: p.x + p.w / 2, y: p.y + p.h / 2, 'font-size': font, 'text-anchor': 'middle',
      'dominant-baseline': 'central', 'aria-hidden': 'true'}, pool ? shown_name : `${desk.name.replace(/^\D+\s*/, '') || desk.name}${mark(st) ? ` ${mark(st)}` : ''}`));
    const activate = () => { if (st === 'free') on_book(desk); };
    g.addEventListener('click', activate);
    g.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' || event.key === ' ') { event.preventDefault(); activate(); }
    });
    svg.append(g);
  }
  return svg;
}
