// Changing one's own password: the current one proves it is the member, the new one is typed
// twice. A change signs out the member's other sessions; this browser stays signed in.
import {h, field} from '../dom.js';
import {t} from '../i18n.js';
import * as api from '../api.js';
import {announce, explain, alert_box} from '../messages.js';

const min_length = 10;

// `changed` runs after a change, so the page can redraw what it signed out.
export function password_section(changed) {
  const input = (name, autocomplete) =>
    h('input', {type: 'password', name, autocomplete, required: true, maxlength: 200});
  const current = input('current_password', 'current-password');
  const replacement = input('new_password', 'new-password');
  const repeat = input('repeat_password', 'new-password');
  replacement.minLength = min_length;
  const error_slot = h('div', {class: 'error-slot'});
  const submit = h('button', {type: 'submit', class: 'button primary'}, t('password_submit'));
  const form = h('form', {novalidate: true, 'data-password-form': ''},
    field(t('password_current'), current),
    field(t('password_new'), replacement, t('password_hint')),
    field(t('password_repeat'), repeat),
    error_slot, submit);

  const refuse = (text, focus) => {
    error_slot.replaceChildren(alert_box(text));
    focus.focus();
  };
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    error_slot.replaceChildren();
    const empty = [current, replacement, repeat].find((el) => !el.value);
    if (empty) return refuse(t('password_missing'), empty);
    if (replacement.value !== repeat.value) return refuse(t('password_mismatch'), repeat);
    submit.disabled = true;
    try {
      const result = await api.post('/users/me/password',
        {current_password: current.value, new_password: replacement.value});
      form.reset();
      announce(t('password_changed', {count: result.sessions_ended}), 'success');
      await changed();
    } catch (error) {
      refuse(explain(error), error.code === 'wrong_password' ? current : replacement);
    } finally {
      submit.disabled = false;
    }
  });
  return h('section', {class: 'card', 'aria-labelledby': 'password-heading'},
    h('h2', {id: 'password-heading'}, t('password_title')),
    h('p', {}, t('password_intro')), form);
}
