// Messages for people: announces results in the live region and turns API problems into
// plain sentences (never raw JSON, never an error page).
import {t, has} from './i18n.js';
import {h, clear} from './dom.js';

export function announce(text, kind = 'info') {
  const region = document.getElementById('status');
  clear(region);
  region.className = `status status-${kind}`;
  // A fresh node makes screen readers read the message even when the text repeats.
  region.append(h('p', {}, text));
}

export function announce_error(error) { announce(explain(error), 'error'); }

export function clear_status() {
  const region = document.getElementById('status');
  clear(region);
  region.className = 'status';
}

// The sentence for an api_error: from its stable code, with per-field detail for 422.
export function explain(error) {
  const code = error?.code || 'unknown';
  const key = `problem_${code}`;
  let text = has(key) ? t(key) : t('problem_unknown', {status: error?.status ?? '?'});
  const fields = error?.problem?.errors;
  if (code === 'validation_failed' && Array.isArray(fields) && fields.length) {
    text += ' ' + fields.map((f) => `${field_name(f.field)}: ${field_problem(f)}`).join('; ');
  }
  const conflicts = error?.problem?.conflicts;
  if (Array.isArray(conflicts) && conflicts.length) {
    text += ' ' + t('conflicting_bookings', {count: conflicts.length});
  }
  return text;
}

function field_name(name) {
  const key = `field_${name}`;
  return has(key) ? t(key) : name;
}

function field_problem(f) {
  const key = `field_problem_${f.code}`;
  return has(key) ? t(key) : (f.message || f.code);
}

// An inline alert inside a form or dialog (role=alert is announced immediately).
export function alert_box(text) {
  return h('p', {class: 'alert', role: 'alert'}, text);
}
