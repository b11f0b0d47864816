// The member's calendar subscription: one secret address per member that calendar apps poll.
// The address is shown once when it is made; rotating makes a new one and kills the old.
import {h, uid} from '../dom.js';
import {t, locale} from '../i18n.js';
import * as api from '../api.js';
import {confirm_dialog} from '../dialog.js';
import {announce, announce_error, explain, alert_box} from '../messages.js';

export async function calendar_feed_view(container) {
  container.append(h('h1', {tabindex: '-1'}, t('feed_title')),
    h('p', {}, t('feed_intro')));
  const slot = h('div', {class: 'feed'});
  container.append(slot);
  await draw(slot);
}

async function draw(slot, created) {
  let status;
  try {
    status = await api.get('/calendar/feed');
  } catch (error) {
    slot.replaceChildren(alert_box(explain(error)));
    return;
  }
  const parts = [];
  if (created) parts.push(address_card(created));
  if (status.exists) {
    const since = new Date(status.created_at).toLocaleString(locale(), {dateStyle: 'medium', timeStyle: 'short'});
    parts.push(h('p', {class: 'notice', 'data-feed-state': 'active'}, t('feed_active_since', {when: since})));
    parts.push(h('div', {class: 'row-actions'},
      h('button', {type: 'button', class: 'button secondary', onclick: () => rotate(slot)}, t('feed_rotate')),
      h('button', {type: 'button', class: 'button danger', onclick: () => revoke(slot)}, t('feed_revoke'))));
  } else {
    parts.push(h('p', {class: 'notice', 'data-feed-state': 'none'}, t('feed_none')));
    parts.push(h('button', {type: 'button', class: 'button primary', onclick: () => create(slot)}, t('feed_create')));
  }
  slot.replaceChildren(...parts);
  slot.querySelector('[data-feed-url]')?.focus();
}

function address_card(feed) {
  const input = h('input', {type: 'text', readonly: true, value: feed.url, id: uid('feed-url'),
    'data-feed-url': '', spellcheck: 'false', autocomplete: 'off'});
  const copied = h('span', {class: 'hint', role: 'status'});
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(feed.url);
      copied.textContent = t('feed_copied');
    } catch {
      // No clipboard permission: select the text so the member can copy it by hand.
      input.select();
      copied.textContent = t('feed_copy_by_hand');
    }
  };
  return h('section', {class: 'card', 'aria-labelledby': 'feed-address-heading'},
    h('h2', {id: 'feed-address-heading'}, t('feed_address')),
    h('div', {class: 'field'}, h('label', {for: input.id}, t('feed_address_label')), input,
      h('span', {class: 'hint'}, t('feed_shown_once'))),
    h('div', {class: 'row-actions'},
      h('button', {type: 'button', class: 'button primary', onclick: copy}, t('feed_copy')),
      h('a', {class: 'button secondary', href: feed.webcal_url, 'data-webcal': ''}, t('feed_open_webcal'))),
    copied);
}

async function create(slot) {
  try {
    const feed = await api.post('/calendar/feed');
    announce(t('feed_created'), 'success');
    await draw(slot, feed);
  } catch (error) {
    announce_error(error);
  }
}

async function rotate(slot) {
  if (!await confirm_dialog(t('feed_rotate'), t('feed_rotate_confirm'), t('feed_rotate'))) return;
  await create(slot);
}

async function revoke(slot) {
  if (!await confirm_dialog(t('feed_revoke'), t('feed_revoke_confirm'), t('feed_revoke'))) return;
  try {
    await api.del('/calendar/feed');
    announce(t('feed_revoked'), 'success');
  } catch (error) {
    announce_error(error);
  }
  await draw(slot);
}
