// A table of one kind of resource with a create/edit dialog, for the admin pages whose
// records are a handful of plain fields (sites, doors).
import {h, field} from '../dom.js';
import {t} from '../i18n.js';
import * as api from '../api.js';
import {open_dialog} from '../dialog.js';
import {announce, explain, alert_box} from '../messages.js';

// columns: [{key, label, show?(row)}]; fields: [{key, label, type?, options?: [[value, label]],
// required?, format?(value) -> text, parse?(text) -> value}]; type 'textarea' gives a text area.
export function simple_admin({title, path, columns, fields, new_label, editable = true, load_context}) {
  return async function view(container) {
    container.append(h('h1', {tabindex: '-1'}, t(title)));
    const slot = h('div', {});
    const add = h('button', {type: 'button', class: 'button', onclick: () => edit(null)}, t(new_label));
    container.append(h('div', {class: 'toolbar'}, add), slot);
    let context = {};
    const draw = async () => {
      let rows;
      try {
        rows = api.items(await api.get(path));
        context = {rows, ...(load_context ? await load_context() : {})};
      } catch (error) {
        slot.replaceChildren(alert_box(explain(error)));
        return;
      }
      if (!rows.length) { slot.replaceChildren(h('p', {class: 'notice'}, t('nothing_yet'))); return; }
      slot.replaceChildren(h('div', {class: 'table-wrap'}, h('table', {class: 'data'},
        h('caption', {class: 'visually-hidden'}, t(title)),
        h('thead', {}, h('tr', {}, columns.map((c) => h('th', {scope: 'col'}, t(c.label))), editable ? h('th', {scope: 'col'}, t('col_actions')) : null)),
        h('tbody', {}, rows.map((row) => h('tr', {'data-id': row.id},
          columns.map((c, i) => h(i === 0 ? 'th' : 'td', i === 0 ? {scope: 'row'} : {}, c.show ? c.show(row, context) : String(row[c.key] ?? ''))),
          editable ? h('td', {}, h('button', {type: 'button', class: 'button small', onclick: () => edit(row)}, t('edit'),
            h('span', {class: 'visually-hidden'}, ` ${row.name ?? ''}`))) : null))))));
    };
    const edit = (row) => {
      const inputs = {};
      const resolved = fields.filter((f) => !(row && f.create_only))
        .map((f) => ({...f, options: typeof f.options === 'function' ? f.options(context) : f.options}));
      const items = resolved.map((f) => {
        const raw = row?.[f.key] ?? f.default ?? '';
        const value = f.format ? f.format(raw) : raw;
        inputs[f.key] = f.options
          ? h('select', {}, f.options.map(([v, label]) => h('option', {value: v, selected: String(v) === String(value)}, label)))
          : f.type === 'textarea' ? h('textarea', {rows: 4, name: f.key}, value)
            : h('input', {type: f.type ?? 'text', value, required: !!f.required, autocomplete: 'off'});
        return field(t(f.label), inputs[f.key], f.hint ? t(f.hint) : undefined);
      });
      const error_slot = h('div', {class: 'error-slot'});
      const submit = h('button', {type: 'submit', class: 'button primary', form: 'simple-form'}, t('save'));
      const form = h('form', {id: 'simple-form', class: 'form-grid', novalidate: true}, items, error_slot);
      form.addEventListener('submit', async (event) => {
        event.preventDefault();
        error_slot.replaceChildren();
        const body = {};
        for (const f of resolved) {
          const v = inputs[f.key].value.trim();
          if (f.required && !v) { error_slot.append(alert_box(t('fill_required'))); inputs[f.key].focus(); return; }
          if (f.parse) body[f.key] = f.parse(v);
          else if (v !== '') body[f.key] = f.type === 'number' ? Number(v) : v;
        }
        try {
          if (row) await api.update(`${path}/${encodeURIComponent(row.id)}`, row, body);
          else await api.post(path, body);
          announce(t('saved'), 'success');
          close();
          draw();
        } catch (error) {
          error_slot.append(alert_box(explain(error)));
        }
      });
      const {close} = open_dialog({title: row ? t('edit_named', {name: row.name ?? ''}) : t(new_label), body: form,
        actions: [h('button', {type: 'button', class: 'button secondary', onclick: () => close()}, t('cancel')), submit]});
    };
    await draw();
  };
}
