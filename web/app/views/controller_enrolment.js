// Admin: register a door controller (name, site, the doors it drives) and hand its one-time
// enrolment token to whoever sets up the board; revoke one that is lost or replaced.
import {h, field} from '../dom.js';
import {t} from '../i18n.js';
import * as api from '../api.js';
import {open_dialog, confirm_dialog} from '../dialog.js';
import {announce, explain, alert_box} from '../messages.js';
import {format_instant} from '../time.js';
import {load_sites} from '../spaces.js';

// The command an installer runs on the board; the service URL is the one this page came from.
export function enrol_command(token, ca_hash) {
  return `hubgate-door enroll --service ${location.origin} --token ${token} --ca-hash ${ca_hash}` +
    ' --config /etc/hubgate-door/hubgate-door.toml';
}

function copyable(label, value, name) {
  const input = h('input', {type: 'text', readonly: true, value, name, class: 'copyable',
    onfocus: (event) => event.target.select()});
  return field(label, input);
}

// Shows what the board needs once: the token is not stored in clear and cannot be shown again.
function show_enrolment(created) {
  const {close} = open_dialog({
    title: t('controller_created_title', {name: created.controller.name}),
    body: h('div', {class: 'enrolment'},
      h('p', {}, t('controller_created_intro', {time: format_instant(created.expires_at)})),
      copyable(t('controller_enrol_command'), enrol_command(created.enrollment_token, created.ca_hash), 'enrol-command'),
      copyable(t('controller_token'), created.enrollment_token, 'enrollment-token'),
      copyable(t('controller_ca_hash'), created.ca_hash, 'ca-hash')),
    actions: [h('button', {type: 'button', class: 'button primary', onclick: () => close()}, t('done'))],
  });
}

export async function new_controller_dialog(on_created) {
  const [sites, doors] = await Promise.all([load_sites().catch(() => []), api.get('/doors').then(api.items).catch(() => [])]);
  const name = h('input', {type: 'text', name: 'name', required: true, autocomplete: 'off', maxlength: 100});
  const site = h('select', {name: 'site_id'}, sites.map((s) => h('option', {value: s.id}, s.name)));
  const door_list = h('fieldset', {class: 'door-choice'});
  const draw_doors = () => {
    const here = doors.filter((d) => String(d.site_id) === site.value);
    const choices = here.length
      ? here.map((d) => h('label', {class: 'check'}, h('input', {type: 'checkbox', name: 'door_ids', value: d.id}), ` ${d.name}`))
      : [h('p', {class: 'hint'}, t('controller_no_doors'))];
    door_list.replaceChildren(h('legend', {}, t('controller_doors')), ...choices);
  };
  site.addEventListener('change', draw_doors);
  draw_doors();
  const error_slot = h('div', {class: 'error-slot'});
  const form = h('form', {id: 'controller-form', class: 'form-grid', novalidate: true},
    field(t('name'), name, t('controller_name_hint')), field(t('site'), site), door_list, error_slot);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    error_slot.replaceChildren();
    if (!name.value.trim()) { error_slot.append(alert_box(t('fill_required'))); name.focus(); return; }
    const door_ids = [...door_list.querySelectorAll('input[name=door_ids]:checked')].map((i) => i.value);
    try {
      const created = await api.post('/controllers', {name: name.value.trim(), site_id: site.value, door_ids});
      announce(t('saved'), 'success');
      close();
      show_enrolment(created);
      on_created?.();
    } catch (error) {
      error_slot.append(alert_box(explain(error)));
    }
  });
  const {close} = open_dialog({title: t('new_controller'), body: form, actions: [
    h('button', {type: 'button', class: 'button secondary', onclick: () => close()}, t('cancel')),
    h('button', {type: 'submit', class: 'button primary', form: 'controller-form'}, t('controller_register'))]});
}

export function revoke_button(controller, on_revoked) {
  return h('button', {type: 'button', class: 'button small danger', onclick: async () => {
    const sure = await confirm_dialog(t('controller_revoke_title', {name: controller.name}),
      t('controller_revoke_text'), t('controller_revoke'));
    if (!sure) return;
    try {
      await api.post(`/controllers/${encodeURIComponent(controller.id)}/revoke`, {});
      announce(t('controller_revoked', {name: controller.name}), 'success');
      on_revoked?.();
    } catch (error) {
      announce(explain(error), 'error');
    }
  }}, t('controller_revoke'), h('span', {class: 'visually-hidden'}, ` ${controller.name}`));
}
