// Admin: groups and their policy: bookable kinds, weekly quota, how far ahead, and standing
// door grants with a weekly schedule (e.g. administration staff Mon–Fri 07:00–19:00).
import {h, field} from '../dom.js';
import {t} from '../i18n.js';
import * as api from '../api.js';
import {open_dialog} from '../dialog.js';
import {announce, explain, alert_box} from '../messages.js';
import {kinds, kind_label, weekdays} from '../spaces.js';
import {read_hours, write_hours} from '../hours.js';
import {time_select} from '../time_select.js';

export async function admin_groups_view(container) {
  container.append(h('h1', {tabindex: '-1'}, t('nav_admin_groups')));
  const slot = h('div', {});
  const doors = await api.get('/doors').then(api.items).catch(() => []);
  container.append(h('div', {class: 'toolbar'}, h('button', {type: 'button', class: 'button',
    onclick: () => edit(null, doors, () => draw(slot, doors))}, t('new_group'))), slot);
  await draw(slot, doors);
}

const quota_of = (g) => g.policy?.weekly_quota_hours ?? '';
const ahead_of = (g) => g.policy?.max_days_ahead ?? '';
const kinds_of = (g) => g.policy?.bookable_kinds ?? [];
// A grant's schedule, read as the days it covers and the first period's times.
const grants_of = (g) => (g.grants ?? []).map((gr) => {
  const days = read_hours(gr.schedule);
  const open = weekdays.filter((d) => days[d]);
  const first = open.length ? days[open[0]] : null;
  return {door_id: gr.door_id, days: open, from: first?.open ?? '', to: first?.close ?? ''};
});

async function draw(slot, doors) {
  let groups;
  try {
    groups = api.items(await api.get('/groups'));
  } catch (error) {
    slot.replaceChildren(alert_box(explain(error)));
    return;
  }
  const door_name = (id) => doors.find((d) => String(d.id) === String(id))?.name ?? id;
  slot.replaceChildren(h('div', {class: 'table-wrap'}, h('table', {class: 'data'},
    h('caption', {class: 'visually-hidden'}, t('nav_admin_groups')),
    h('thead', {}, h('tr', {}, ['name', 'kinds', 'quota', 'ahead', 'grants', 'actions'].map((c) => h('th', {scope: 'col'}, t(`col_${c}`))))),
    h('tbody', {}, groups.map((g) => h('tr', {'data-id': g.id},
      h('th', {scope: 'row'}, g.name),
      h('td', {}, kinds_of(g).map(kind_label).join(', ')),
      h('td', {}, quota_of(g) === '' ? '–' : t('hours_per_week', {hours: quota_of(g)})),
      h('td', {}, ahead_of(g) === '' ? '–' : String(ahead_of(g))),
      h('td', {}, grants_of(g).map((x) => `${door_name(x.door_id)}: ${x.days.map((d) => t(`day_${d}_short`)).join(' ')} ${x.from}–${x.to}`).join('; ')),
      h('td', {}, h('button', {type: 'button', class: 'button small', onclick: () => edit(g, doors, () => draw(slot, doors))},
        t('edit'), h('span', {class: 'visually-hidden'}, ` ${g.name}`)))))))));
}

function edit(group, doors, done) {
  const name = h('input', {type: 'text', required: true, value: group?.name ?? '', autocomplete: 'off'});
  const quota = h('input', {type: 'number', min: 0, value: group ? quota_of(group) : ''});
  const ahead = h('input', {type: 'number', min: 0, value: group ? ahead_of(group) : ''});
  const bookable = new Set(group ? kinds_of(group) : []);
  const kind_boxes = kinds.map((k) => ({k, box: h('input', {type: 'checkbox', id: `gk-${k}`, checked: bookable.has(k)})}));
  const grants = h('div', {class: 'grants'});
  const add_grant = (g = {}) => {
    const door = h('select', {'aria-label': t('door')}, doors.map((d) => h('option', {value: d.id, selected: String(d.id) === String(g.door_id)}, d.name)));
    const days = new Set(g.days ?? ['mon', 'tue', 'wed', 'thu', 'fri']);
    const day_boxes = weekdays.map((d) => {
      const box = h('input', {type: 'checkbox', checked: days.has(d), 'aria-label': t(`day_${d}`)});
      return {d, box, el: h('label', {class: 'day-box'}, box, h('span', {'aria-hidden': 'true'}, t(`day_${d}_short`)))};
    });
    const from = time_select(g.from || '07:00', {'aria-label': t('from')});
    const to = time_select(g.to || '19:00', {'aria-label': t('to')}, {through_midnight: true});
    const row = h('fieldset', {class: 'grant'}, h('legend', {}, t('standing_grant')), door, h('div', {class: 'days'}, day_boxes.map((x) => x.el)), from, to,
      h('button', {type: 'button', class: 'button small secondary', onclick: () => row.remove()}, t('remove')));
    row.read = () => ({door_id: door.value, schedule: write_hours(Object.fromEntries(day_boxes.map((x) =>
      [x.d, x.box.checked ? {open: from.value, close: to.value} : null])))});
    grants.append(row);
  };
  for (const g of grants_of(group ?? {})) add_grant(g);
  const error_slot = h('div', {class: 'error-slot'});
  const submit = h('button', {type: 'submit', class: 'button primary', form: 'group-form'}, t('save'));
  const form = h('form', {id: 'group-form', class: 'form-grid', novalidate: true},
    field(t('name'), name),
    h('div', {class: 'field-row'}, field(t('quota_hours'), quota), field(t('max_days_ahead'), ahead)),
    h('fieldset', {}, h('legend', {}, t('bookable_kinds')), kind_boxes.map(({k, box}) => h('div', {class: 'field checkbox'}, box, h('label', {for: box.id}, kind_label(k))))),
    h('div', {}, h('h3', {}, t('standing_grants')), grants,
      doors.length ? h('button', {type: 'button', class: 'button small', onclick: () => add_grant()}, t('add_grant')) : h('p', {class: 'hint'}, t('no_doors_yet'))),
    error_slot);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    error_slot.replaceChildren();
    if (!name.value.trim()) { error_slot.append(alert_box(t('fill_required'))); return; }
    const body = {
      name: name.value.trim(),
      policy: {
        bookable_kinds: kind_boxes.filter((x) => x.box.checked).map((x) => x.k),
        weekly_quota_hours: quota.value === '' ? null : Number(quota.value),
        max_days_ahead: ahead.value === '' ? null : Number(ahead.value),
      },
      grants: [...grants.children].map((row) => row.read()),
    };
    try {
      if (group) await api.update(`/groups/${encodeURIComponent(group.id)}`, group, body);
      else await api.post('/groups', body);
      announce(t('saved'), 'success');
      close();
      done();
    } catch (error) {
      error_slot.append(alert_box(explain(error)));
    }
  });
  const {close} = open_dialog({title: group ? t('edit_named', {name: group.name}) : t('new_group'), body: form,
    actions: [h('button', {type: 'button', class: 'button secondary', onclick: () => close()}, t('cancel')), submit]});
}
