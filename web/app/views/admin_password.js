// Admin: set a user's password (a forgotten one, a first one handed over at the desk). The
// user's every session ends; they sign in again with the new password.
import {h, field} from '../dom.js';
import {t} from '../i18n.js';
import * as api from '../api.js';
import {open_dialog} from '../dialog.js';
import {announce, explain, alert_box} from '../messages.js';

export function password_dialog(user) {
  const name = user.display_name || user.email;
  const input = h('input', {type: 'password', name: 'new_password', autocomplete: 'new-password', required: true,
    minlength: 10, maxlength: 200, autofocus: true});
  const error_slot = h('div', {class: 'error-slot'});
  const form = h('form', {novalidate: true, 'data-set-password': ''},
    h('p', {}, t('set_password_intro', {name})),
    field(t('password_new'), input, t('password_hint')), error_slot,
    h('button', {type: 'submit', class: 'button primary'}, t('set_password')));
  let dialog;
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    error_slot.replaceChildren();
    try {
      const result = await api.post(`/users/${encodeURIComponent(user.id)}/password`, {new_password: input.value});
      dialog.close();
      announce(t('password_set', {name, count: result.sessions_ended}), 'success');
    } catch (error) {
      error_slot.append(alert_box(explain(error)));
      input.focus();
    }
  });
  dialog = open_dialog({title: t('set_password_of', {name}), body: form});
}
