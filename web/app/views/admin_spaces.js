// Admin: the spaces of a site (edit, create) and the desk floor plan, arranged by dragging
// with a pointer or by moving the focused desk with the arrow keys.
import {h, s, field} from '../dom.js';
import {t} from '../i18n.js';
import * as api from '../api.js';
import {load_sites, load_spaces, kind_label} from '../spaces.js';
import {edit_space} from './space_form.js';
import {layout, plan_bounds} from './desks.js';
import {announce, announce_error, explain, alert_box} from '../messages.js';

let chosen_site = '';
let sites = [];
const site_of = () => sites.find((x) => String(x.id) === chosen_site);

export async function admin_spaces_view(container) {
  sites = await load_sites();
  if (!chosen_site && sites[0]) chosen_site = String(sites[0].id);
  const groups = await api.get('/groups').then(api.items).catch(() => []);
  const site_in = h('select', {}, sites.map((x) => h('option', {value: x.id, selected: String(x.id) === chosen_site}, x.name)));
  const slot = h('div', {});
  site_in.addEventListener('change', () => { chosen_site = site_in.value; draw(slot, groups); });
  container.append(h('h1', {tabindex: '-1'}, t('nav_admin_spaces')),
    h('div', {class: 'toolbar'}, field(t('site'), site_in),
      h('button', {type: 'button', class: 'button', onclick: async () => {
        if (await edit_space(null, {site_id: chosen_site, site: site_of(), groups})) draw(slot, groups);
      }}, t('new_space'))),
    slot);
  await draw(slot, groups);
}

async function draw(slot, groups) {
  let spaces;
  try {
    spaces = await load_spaces({site: chosen_site});
  } catch (error) {
    slot.replaceChildren(alert_box(explain(error)));
    return;
  }
  // Rooms first: the desks are many and also shown on the plan below.
  spaces.sort((a, b) => (a.kind === 'desk') - (b.kind === 'desk') || a.kind.localeCompare(b.kind) || a.name.localeCompare(b.name, undefined, {numeric: true}));
  const rows = spaces.map((sp) => h('tr', {'data-space-id': sp.id},
    h('th', {scope: 'row'}, sp.name), h('td', {}, kind_label(sp.kind)), h('td', {}, String(sp.capacity)),
    h('td', {}, t(`mode_${sp.booking_mode}`)), h('td', {}, sp.needs_approval ? t('yes') : t('no')),
    h('td', {}, h('button', {type: 'button', class: 'button small', onclick: async () => {
      if (await edit_space(sp, {site_id: chosen_site, site: site_of(), groups})) draw(slot, groups);
    }}, t('edit'), h('span', {class: 'visually-hidden'}, ` ${sp.name}`)))));
  const desks = spaces.filter((sp) => sp.kind === 'desk');
  slot.replaceChildren(
    h('div', {class: 'table-wrap'}, h('table', {class: 'data'}, h('caption', {class: 'visually-hidden'}, t('nav_admin_spaces')),
      h('thead', {}, h('tr', {}, ['name', 'kind', 'capacity', 'mode', 'approval', 'actions'].map((c) => h('th', {scope: 'col'}, t(`col_${c}`))))),
      h('tbody', {}, rows))),
    desks.length ? plan_editor(desks, () => draw(slot, groups)) : null);
}

function plan_editor(desks, redraw) {
  const placed = layout(desks.map((d) => ({...d, position: d.position ? {...d.position} : null})));
  const moved = new Set();
  const b = plan_bounds(placed);
  b.w += 4; b.h += 2;  // room to drag beyond the current edge
  const font = Math.max(b.w, b.h) / 45;
  const svg = s('svg', {class: 'floor-plan editor', viewBox: `${b.x} ${b.y} ${b.w} ${b.h}`, role: 'group', 'aria-label': t('plan_editor')},
    s('rect', {class: 'plan-floor', x: b.x, y: b.y, width: b.w, height: b.h}));
  const step = 0.5;
  for (const desk of placed) {
    const p = desk.position;
    const rect = s('rect', {x: p.x, y: p.y, width: p.w, height: p.h, rx: Math.min(p.w, p.h) / 8});
    const text = s('text', {x: p.x + p.w / 2, y: p.y + p.h / 2, 'font-size': font, 'text-anchor': 'middle', 'dominant-baseline': 'central', 'aria-hidden': 'true'}, desk.name.replace(/^\D+\s*/, '') || desk.name);
    const g = s('g', {class: 'desk desk-free movable', tabindex: '0', role: 'button', 'data-space-id': desk.id,
      'aria-label': t('move_desk_label', {name: desk.name, x: p.x, y: p.y}), 'aria-roledescription': t('movable_desk')}, rect, text);
    const place = (x, y) => {
      p.x = Math.round(x * 10) / 10; p.y = Math.round(y * 10) / 10;
      rect.setAttribute('x', p.x); rect.setAttribute('y', p.y);
      text.setAttribute('x', p.x + p.w / 2); text.setAttribute('y', p.y + p.h / 2);
      g.setAttribute('aria-label', t('move_desk_label', {name: desk.name, x: p.x, y: p.y}));
      moved.add(desk);
      save.disabled = false;
    };
    g.addEventListener('keydown', (event) => {
      const d = {ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step]}[event.key];
      if (!d) return;
      event.preventDefault();
      place(p.x + d[0], p.y + d[1]);
    });
    g.addEventListener('pointerdown', (event) => {
      const ctm = svg.getScreenCTM();
      if (!ctm) return;
      const start = {x: event.clientX, y: event.clientY, px: p.x, py: p.y};
      g.setPointerCapture(event.pointerId);
      const on_move = (e) => place(start.px + (e.clientX - start.x) / ctm.a, start.py + (e.clientY - start.y) / ctm.d);
      const on_up = () => { g.removeEventListener('pointermove', on_move); g.removeEventListener('pointerup', on_up); };
      g.addEventListener('pointermove', on_move);
      g.addEventListener('pointerup', on_up);
    });
    svg.append(g);
  }
  const save = h('button', {type: 'button', class: 'button primary', disabled: true, onclick: async () => {
    try {
      for (const desk of moved) {
        const original = desks.find((d) => d.id === desk.id);
        await api.update(`/spaces/${encodeURIComponent(desk.id)}`, original, {position: desk.position});
      }
      announce(t('plan_saved', {count: moved.size}), 'success');
      redraw();
    } catch (error) {
      announce_error(error);
    }
  }}, t('save_plan'));
  return h('section', {class: 'card', 'aria-labelledby': 'plan-editor-h'},
    h('h2', {id: 'plan-editor-h'}, t('plan_editor')), h('p', {class: 'hint'}, t('plan_editor_help')), svg, save);
}
