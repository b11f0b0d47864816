// Sign-in: e-mail and password; the service sets an HttpOnly cookie and returns the CSRF
// token that writes must carry.
import {h, field} from '../dom.js';
import {t} from '../i18n.js';
import {sign_in} from '../session.js';
import {explain, alert_box, announce} from '../messages.js';

export async function signin_view(container, {go}) {
  const email = h('input', {type: 'email', name: 'email', autocomplete: 'username', required: true});
  const password = h('input', {type: 'password', name: 'password', autocomplete: 'current-password', required: true});
  const error_slot = h('div', {class: 'error-slot'});
  const submit = h('button', {type: 'submit', class: 'button primary'}, t('sign_in'));
  const form = h('form', {class: 'card narrow', novalidate: true},
    field(t('email'), email), field(t('password'), password), error_slot, submit);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    error_slot.replaceChildren();
    if (!email.value || !password.value) {
      error_slot.append(alert_box(t('sign_in_missing')));
      (email.value ? password : email).focus();
      return;
    }
    submit.disabled = true;
    try {
      await sign_in(email.value.trim(), password.value);
      announce(t('signed_in'));
      go('/desks');
    } catch (error) {
      const text = error.status === 401 || error.code === 'unauthenticated' || error.code === 'invalid_credentials'
        ? t('sign_in_wrong') : explain(error);
      error_slot.append(alert_box(text));
      password.focus();
    } finally {
      submit.disabled = false;
    }
  });
  container.append(h('h1', {tabindex: '-1'}, t('sign_in')), h('p', {}, t('sign_in_intro')), form);
  email.focus();
}
