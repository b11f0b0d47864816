// The member's own account: their password, where they are signed in, their tokens.
import {h} from '../dom.js';
import {t} from '../i18n.js';
import {password_section} from './account_password.js';
import {draw_sessions, draw_tokens} from './account_access.js';

export async function my_account_view(container) {
  const sessions = h('section', {class: 'card', 'aria-labelledby': 'sessions-heading', 'data-sessions': ''});
  const tokens = h('section', {class: 'card', 'aria-labelledby': 'tokens-heading', 'data-tokens': ''});
  container.append(h('h1', {tabindex: '-1'}, t('account_title')),
    password_section(() => draw_sessions(sessions)), sessions, tokens);
  await Promise.all([draw_sessions(sessions), draw_tokens(tokens)]);
  container.querySelector('input[name=current_password]')?.focus();
}
