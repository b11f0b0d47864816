// The member's NFC cards: each by its hint, its state, and whether it is the clonable kind.
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

// Once enrolled, a card is shown by the last 4 hex digits of its UID: the API tells no more.
export function card_hint(card) { return card.card_hint ? `…${card.card_hint}` : ''; }

// Every card read by its UID is clonable; the badge says so wherever the card is listed.
export function legacy_badge(card) {
  return card.legacy ? h('span', {class: 'badge legacy'}, t('card_legacy')) : null;
}

export function cards_table(cards, revoke) {
  if (!cards.length) return h('p', {class: 'notice'}, t('no_cards'));
  return h('div', {class: 'table-wrap'}, h('table', {class: 'data cards'},
    h('caption', {class: 'visually-hidden'}, t('nav_my_cards')),
    h('thead', {}, h('tr', {}, ['card', 'type', 'status', revoke ? 'actions' : null].filter(Boolean)
      .map((c) => h('th', {scope: 'col'}, t(`col_${c}`))))),
    h('tbody', {}, cards.map((card) => h('tr', {'data-credential-id': card.id},
      h('th', {scope: 'row'}, h('code', {}, card_hint(card) || card.id)),
      h('td', {}, t(`card_kind_${card.kind}`), card.legacy ? [' ', legacy_badge(card)] : null),
      h('td', {}, h('span', {class: `badge status-${card.status}`}, t(`card_status_${card.status}`))),
      revoke ? h('td', {}, card.status === 'revoked' ? '' : h('button', {type: 'button', class: 'button small danger',
        onclick: () => revoke(card)}, t('revoke'), h('span', {class: 'visually-hidden'}, ` ${card_hint(card)}`))) : null)))));
}
