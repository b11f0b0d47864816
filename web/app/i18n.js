// German first, English second: every visible string comes from i18n/<lang>.json, and the
// choice is remembered so a returning member gets the language they picked.
const storage_key = 'hubgate.lang';
export const languages = ['de', 'en'];
let current = 'de';
let strings = {};
const listeners = new Set();

export function lang() { return current; }

export function locale() { return current === 'de' ? 'de-DE' : 'en-GB'; }

export async function init_i18n() {
  let wanted = null;
  try { wanted = localStorage.getItem(storage_key); } catch { /* storage may be disabled */ }
  await set_lang(languages.includes(wanted) ? wanted : 'de', false);
}

export async function set_lang(code, remember = true) {
  const response = await fetch(`/i18n/${code}.json`, {credentials: 'same-origin'});
  strings = response.ok ? await response.json() : {};
  current = code;
  document.documentElement.lang = code;
  if (remember) {
    try { localStorage.setItem(storage_key, code); } catch { /* not fatal */ }
  }
  translate_static(document);
  for (const fn of listeners) fn(code);
}

export function on_lang_change(fn) { listeners.add(fn); }

// t('booked_desk', {name: 'Desk 4'}) -> "Desk 4 booked"
export function t(key, vars = {}) {
  const text = strings[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name) => (vars[name] ?? `{${name}}`));
}

export function has(key) { return Object.prototype.hasOwnProperty.call(strings, key); }

// Elements written in index.html carry data-i18n (text) and data-i18n-label (aria-label).
export function translate_static(root) {
  for (const el of root.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  for (const el of root.querySelectorAll('[data-i18n-label]')) el.setAttribute('aria-label', t(el.dataset.i18nLabel));
}
