// The member's NFC cards: what is enrolled, its state, and whether it is the clonable kind.
import {h} from '../dom.js';
import {t} from '../i18n.js';
import * as api from '../api.js';
import {current_user} from '../session.js';
import {explain, alert_box} from '../messages.js';

export async function my_cards_view(container) {
  container.append(h('h1', {tabindex: '-1'}, t('nav_my_cards')));
  const me = current_user();
  let cards;
  try {
    cards = api.items(await api.get(`/users/${encodeURIComponent(me.id)}/credentials`));
  } catch (error) {
    container.append(alert_box(explain(error)));
    return;
  }
  container.append(cards_table(cards));
}

export function card_uid(card) { return card.card_id ?? card.uid ?? ''; }

export function cards_table(cards, revoke) {
  if (!cards.length) return h('p', {class: 'notice'}, t('no_cards'));
  return h('div', {class: 'table-wrap'}, h('table', {class: 'data cards'},
    h('caption', {class: 'visually-hidden'}, t('nav_my_cards')),
    h('thead', {}, h('tr', {}, ['card', 'type', 'status', revoke ? 'actions' : null].filter(Boolean)
      .map((c) => h('th', {scope: 'col'}, t(`col_${c}`))))),
    h('tbody', {}, cards.map((card) => h('tr', {'data-credential-id': card.id},
      h('th', {scope: 'row'}, h('code', {}, card_uid(card) || card.id)),
      h('td', {}, t(`card_kind_${card.kind ?? card.type ?? 'uid'}`), (card.legacy ?? card.kind === 'uid')
        ? h('span', {class: 'hint'}, ` (${t('card_clonable')})`) : null),
      h('td', {}, h('span', {class: `badge status-${card.status}`}, t(`card_status_${card.status}`))),
      revoke ? h('td', {}, card.status === 'revoked' ? '' : h('button', {type: 'button', class: 'button small danger',
        onclick: () => revoke(card)}, t('revoke'), h('span', {class: 'visually-hidden'}, ` ${card_uid(card)}`))) : null)))));
}
