// Entry point: language, session, navigation. Routes live in the URL hash (#/desks) so a
// reload or a shared link lands on the same page.
import {h, clear} from './dom.js';
import {t, init_i18n, set_lang, lang, on_lang_change} from './i18n.js';
import * as api from './api.js';
import {current_user, is_admin, load_me, sign_out, forget} from './session.js';
import {announce, announce_error, clear_status} from './messages.js';
import {routes, nav_items} from './routes.js';

const main_el = () => document.getElementById('main');

function current_route() {
  const path = location.hash.replace(/^#/, '') || '/';
  return path.split('?')[0];
}

export function go(path) {
  if (location.hash === `#${path}`) render();
  else location.hash = path;
}

// The phone's menu button: opens and closes the navigation; a navigation closes it again.
function set_menu(open) {
  document.getElementById('menu-toggle').setAttribute('aria-expanded', String(open));
  document.getElementById('nav').classList.toggle('collapsed', !open);
}

function render_nav() {
  const nav = document.getElementById('nav');
  clear(nav);
  const user = current_user();
  nav.hidden = !user;
  document.getElementById('menu-toggle').hidden = !user;
  document.getElementById('sign-out').hidden = !user;
  if (!user) return;
  const here = current_route();
  const groups = nav_items.filter((g) => !g.admin || is_admin());
  for (const group of groups) {
    const list = h('ul', {class: 'nav-list'});
    for (const item of group.items) {
      const href = `#${item.path}`;
      const active = here === item.path;
      list.append(h('li', {}, h('a', {href, 'aria-current': active ? 'page' : null,
        class: item.later ? 'later' : null}, t(item.label))));
    }
    nav.append(h('div', {class: 'nav-group'},
      h('span', {class: 'nav-heading', id: `nav-${group.id}`}, t(group.label)), list));
  }
  const who = h('p', {class: 'who'}, t('signed_in_as', {name: user.display_name || user.name || user.email || ''}));
  nav.append(who);
}

let render_token = 0;
let navigated = false;
async function render() {
  const token = ++render_token;
  const path = current_route();
  const user = current_user();
  let route = routes[path];
  if (!user) route = routes['/signin'];
  else if (!route || path === '/signin' || path === '/') route = routes['/desks'];
  if (route.admin && !is_admin()) route = routes['/desks'];
  render_nav();
  // Each render gets its own element: a slower earlier view that finishes late then fills a
  // detached element instead of the page now shown.
  const container = h('div', {class: 'page'});
  clear(main_el()).append(container);
  document.title = `${t(route.title)} – Hubgate`;
  try {
    await route.view(container, {go, token: () => token === render_token});
    // After a navigation, focus the page heading so screen readers announce the new page.
    if (token === render_token && navigated) container.querySelector('h1')?.focus();
  } catch (error) {
    if (token !== render_token) return;
    clear(container);
    container.append(h('h1', {}, t(route.title)),
      h('p', {class: 'alert', role: 'alert'}, t('page_failed')));
    console.error(error);
  }
}

async function start() {
  await init_i18n();
  const switcher = document.getElementById('lang-switch');
  const label_switch = () => {
    const other = lang() === 'de' ? 'en' : 'de';
    switcher.textContent = t(`switch_to_${other}`);
    switcher.setAttribute('lang', other);
    document.getElementById('nav').setAttribute('aria-label', t('main_navigation'));
  };
  label_switch();
  on_lang_change(() => { label_switch(); render(); });
  // Signed in, the choice is the account's too (what messages to the member will be written in).
  switcher.addEventListener('click', async () => {
    const next = lang() === 'de' ? 'en' : 'de';
    await set_lang(next);
    if (current_user()) api.patch('/users/me', {language: next}).catch(announce_error);
  });
  document.getElementById('sign-out').addEventListener('click', async () => {
    await sign_out();
    announce(t('signed_out'));
    go('/signin');
  });
  api.when_unauthenticated(() => {
    if (!current_user()) return;
    forget();
    announce(t('session_expired'), 'error');
    go('/signin');
  });
  const toggle = document.getElementById('menu-toggle');
  toggle.addEventListener('click', () => set_menu(toggle.getAttribute('aria-expanded') !== 'true'));
  document.getElementById('nav').addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || toggle.getAttribute('aria-expanded') !== 'true') return;
    set_menu(false);
    toggle.focus();
  });
  window.addEventListener('hashchange', () => { clear_status(); navigated = true; set_menu(false); render(); });
  await load_me().catch(() => null);
  await render();
}

start();
