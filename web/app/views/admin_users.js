// Admin: users, their cards and their passwords. A card is enrolled by tapping it on the
// enrolment reader (a USB desk reader in keyboard mode types its UID) or by typing the UID as
// printed, and revoked with one confirmed click. A found card is looked up the same way to
// learn whose it is.
import {h, field} from '../dom.js';
import {t} from '../i18n.js';
import * as api from '../api.js';
import {open_dialog, confirm_dialog} from '../dialog.js';
import {announce, explain, alert_box} from '../messages.js';
import {cards_table, card_hint, legacy_badge} from './my_cards.js';
import {password_dialog} from './admin_password.js';

export async function admin_users_view(container) {
  container.append(h('h1', {tabindex: '-1'}, t('nav_admin_users')));
  let users, group_names;
  try {
    const [list, groups] = await Promise.all([api.get('/users'), api.get('/groups').catch(() => [])]);
    users = api.items(list);
    group_names = new Map(api.items(groups).map((g) => [String(g.id), g.name]));
  } catch (error) {
    container.append(alert_box(explain(error)));
    return;
  }
  const filter = h('input', {type: 'search', autocomplete: 'off'});
  const tbody = h('tbody', {});
  const fill = () => {
    const q = filter.value.trim().toLowerCase();
    tbody.replaceChildren(...users.filter((u) => !q || `${u.display_name ?? ''} ${u.email}`.toLowerCase().includes(q)).map((u) =>
      h('tr', {'data-user-id': u.id, 'data-email': u.email},
        h('th', {scope: 'row'}, u.display_name || u.email), h('td', {}, u.email), h('td', {}, t(`role_${u.role}`)),
        h('td', {}, (u.group_ids ?? u.groups ?? []).map((g) => group_names.get(String(g)) ?? g.name ?? g).join(', ')),
        h('td', {class: 'row-actions'}, h('button', {type: 'button', class: 'button small', onclick: () => cards_dialog(u)},
          t('manage_cards'), h('span', {class: 'visually-hidden'}, ` ${u.display_name || u.email}`)),
        h('button', {type: 'button', class: 'button small secondary', onclick: () => password_dialog(u)},
          t('set_password'), h('span', {class: 'visually-hidden'}, ` ${u.display_name || u.email}`))))));
  };
  filter.addEventListener('input', fill);
  fill();
  container.append(h('div', {class: 'toolbar'}, field(t('search_users'), filter), lookup_form(users)),
    h('div', {class: 'table-wrap'}, h('table', {class: 'data'}, h('caption', {class: 'visually-hidden'}, t('nav_admin_users')),
      h('thead', {}, h('tr', {}, ['name', 'email', 'role', 'groups', 'actions'].map((c) => h('th', {scope: 'col'}, t(`col_${c}`))))),
      tbody)));
}

function cards_dialog(user) {
  const list = h('div', {class: 'cards-slot', 'aria-live': 'polite'});
  // Focused when the dialog opens: a desk reader in keyboard mode types the tapped card's UID
  // and Enter, which enrols it.
  const uid_in = h('input', {type: 'text', required: true, autocomplete: 'off', spellcheck: 'false',
    pattern: '[0-9A-Fa-f:]{8,29}', inputmode: 'text', autofocus: true});
  const error_slot = h('div', {class: 'error-slot'});
  const path = `/users/${encodeURIComponent(user.id)}/credentials`;
  const refresh = async () => {
    try {
      const cards = api.items(await api.get(path));
      list.replaceChildren(cards_table(cards, revoke));
    } catch (error) {
      list.replaceChildren(alert_box(explain(error)));
    }
  };
  const revoke = async (card) => {
    if (!await confirm_dialog(t('revoke_card'), t('revoke_card_confirm', {uid: card_hint(card), name: user.display_name || user.email}), t('revoke'))) return;
    try {
      await api.post(`/credentials/${encodeURIComponent(card.id)}/revoke`);
      announce(t('card_revoked', {uid: card_hint(card)}), 'success');
    } catch (error) {
      announce(explain(error), 'error');
    }
    await refresh();
  };
  const form = h('form', {class: 'inline-form', novalidate: true},
    field(t('card_uid'), uid_in, t('card_uid_hint')),
    h('button', {type: 'submit', class: 'button primary'}, t('enrol_card')), error_slot);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    error_slot.replaceChildren();
    const uid = uid_in.value.replace(/[\s:]/g, '').toUpperCase();
    if (!/^[0-9A-F]{8}([0-9A-F]{6})?([0-9A-F]{6})?$/.test(uid)) {
      error_slot.append(alert_box(t('card_uid_invalid')));
      uid_in.focus();
      return;
    }
    try {
      const card = await api.post(path, {kind: 'uid', card_id: uid});
      announce(t('card_enrolled', {uid: card_hint(card)}), 'success');
      uid_in.value = '';
      await refresh();
    } catch (error) {
      error_slot.append(alert_box(explain(error)));
    }
  });
  open_dialog({title: t('cards_of', {name: user.display_name || user.email}), body: h('div', {}, list, form)});
  refresh();
}

// The front desk types or taps a found card and learns whose it is.
function lookup_form(users) {
  const uid_in = h('input', {type: 'text', required: true, autocomplete: 'off', spellcheck: 'false'});
  const result = h('div', {class: 'lookup-result', 'aria-live': 'polite'});
  const form = h('form', {class: 'inline-form lookup-card', novalidate: true},
    field(t('lookup_card'), uid_in, t('lookup_card_hint')),
    h('button', {type: 'submit', class: 'button'}, t('lookup')), result);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    result.replaceChildren();
    try {
      const card = await api.post('/credentials/lookup', {card_id: uid_in.value});
      const owner = users.find((u) => u.id === card.user_id);
      result.append(h('p', {}, t('card_belongs_to', {uid: card_hint(card),
        name: owner ? owner.display_name || owner.email : card.user_id,
        status: t(`card_status_${card.status}`)}), ' ', legacy_badge(card)));
    } catch (error) {
      result.append(alert_box(explain(error)));
    }
  });
  return form;
}
