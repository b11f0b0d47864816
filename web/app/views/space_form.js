// The admin's space editor: capacity, booking mode, approval, features, weekly opening
// hours, closures, booking rules and which groups may book.
import {h, field} from '../dom.js';
import {t} from '../i18n.js';
import * as api from '../api.js';
import {open_dialog} from '../dialog.js';
import {explain, alert_box, announce} from '../messages.js';
import {kinds, kind_label, weekdays} from '../spaces.js';
import {read_hours, write_hours} from '../hours.js';
import {time_select} from '../time_select.js';
import {closures_text, parse_closures} from '../closures.js';

const rule_fields = ['min_duration_minutes', 'max_duration_minutes', 'lead_time_minutes', 'max_days_ahead', 'buffer_minutes'];

// Resolves true when saved.
export function edit_space(space, {site_id, site, groups = []}) {
  return new Promise((resolve) => {
    let saved = false;
    const creating = !space;
    space = space ?? {kind: 'room', capacity: 1, booking_mode: 'exclusive', features: [], rules: {}};
    const name = h('input', {type: 'text', required: true, value: space.name ?? '', autocomplete: 'off'});
    const kind = h('select', {}, kinds.map((k) => h('option', {value: k, selected: k === space.kind}, kind_label(k))));
    const capacity = h('input', {type: 'number', min: 1, required: true, value: space.capacity});
    const mode = h('select', {}, ['exclusive', 'shared'].map((m) => h('option', {value: m, selected: m === (space.mode ?? space.booking_mode)}, t(`mode_${m}`))));
    const approval = h('input', {type: 'checkbox', checked: space.needs_approval, id: 'space-needs-approval'});
    const features = h('input', {type: 'text', value: (space.features || []).join(', '), autocomplete: 'off'});
    // A space without its own hours follows the site's; the form shows those until changed.
    const hours = read_hours(space.opening_hours ?? site?.opening_hours);
    let hours_changed = false;
    const hour_rows = weekdays.map((d) => {
      const span = hours[d];
      const open = h('input', {type: 'checkbox', checked: !!span, 'aria-label': t(`day_${d}_open`)});
      const from = time_select(span?.open ?? '09:00', {'aria-label': t('day_opens', {day: t(`day_${d}`)})});
      const to = time_select(span?.close ?? '17:00', {'aria-label': t('day_closes', {day: t(`day_${d}`)})},
        {through_midnight: true});
      for (const input of [open, from, to]) input.addEventListener('change', () => { hours_changed = true; });
      return {d, open, from, to, row: h('tr', {'data-day': d}, h('th', {scope: 'row'}, t(`day_${d}`)), h('td', {}, open), h('td', {}, from), h('td', {}, to))};
    });
    const closures = h('textarea', {rows: 3}, closures_text(space.closures));
    const rule_inputs = Object.fromEntries(rule_fields.map((k) => [k, h('input', {type: 'number', min: 0, value: space.rules?.[k] ?? ''})]));
    const allowed = new Set((space.allowed_group_ids ?? []).map(String));
    const group_boxes = groups.map((g) => ({g, box: h('input', {type: 'checkbox', checked: allowed.has(String(g.id)), id: `grp-${g.id}`})}));
    const error_slot = h('div', {class: 'error-slot'});
    const submit = h('button', {type: 'submit', class: 'button primary', form: 'space-form'}, t('save'));

    const form = h('form', {id: 'space-form', class: 'form-grid', novalidate: true},
      field(t('name'), name), field(t('kind'), kind),
      h('div', {class: 'field-row'}, field(t('capacity'), capacity), field(t('booking_mode'), mode)),
      h('div', {class: 'field checkbox'}, approval, h('label', {for: approval.id}, t('needs_approval'))),
      field(t('features'), features, t('features_hint')),
      h('fieldset', {}, h('legend', {}, t('opening_hours')),
        h('table', {class: 'data hours'}, h('thead', {}, h('tr', {}, ['day', 'open', 'opens', 'closes'].map((c) => h('th', {scope: 'col'}, t(`col_${c}`))))),
          h('tbody', {}, hour_rows.map((r) => r.row)))),
      field(t('closures'), closures, t('closures_hint')),
      h('fieldset', {}, h('legend', {}, t('rules')),
        h('div', {class: 'field-grid'}, rule_fields.map((k) => field(t(`rule_field_${k}`), rule_inputs[k])))),
      groups.length ? h('fieldset', {}, h('legend', {}, t('groups_may_book')),
        group_boxes.map(({g, box}) => h('div', {class: 'field checkbox'}, box, h('label', {for: box.id}, g.name)))) : null,
      error_slot);

    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      error_slot.replaceChildren();
      const rules = {};
      for (const k of rule_fields) if (rule_inputs[k].value !== '') rules[k] = Number(rule_inputs[k].value);
      const days = {};
      for (const r of hour_rows) days[r.d] = r.open.checked ? {open: r.from.value, close: r.to.value} : null;
      const body = {
        name: name.value.trim(), kind: kind.value, capacity: Number(capacity.value),
        mode: mode.value, needs_approval: approval.checked,
        features: features.value.split(',').map((f) => f.trim()).filter(Boolean),
        closures: parse_closures(closures.value),
        rules,
        allowed_group_ids: group_boxes.filter(({box}) => box.checked).map(({g}) => String(g.id)),
      };
      if (hours_changed) body.opening_hours = write_hours(days);
      if (!body.name || !(body.capacity >= 1)) {
        error_slot.append(alert_box(t('fill_required')));
        return;
      }
      submit.disabled = true;
      try {
        if (creating) await api.post('/spaces', {...body, site_id});
        else await api.update(`/spaces/${encodeURIComponent(space.id)}`, space, body);
        saved = true;
        announce(t('space_saved', {name: body.name}), 'success');
        close();
      } catch (error) {
        error_slot.append(alert_box(explain(error)));
        submit.disabled = false;
      }
    });
    const {close} = open_dialog({
      title: creating ? t('new_space') : t('edit_space', {name: space.name}),
      body: form,
      actions: [h('button', {type: 'button', class: 'button secondary', onclick: () => close()}, t('cancel')), submit],
      on_close: () => resolve(saved),
    });
  });
}
