// Dates and times as the API wants them: local wall time of the site without an offset
// ("2027-03-28T09:00:00"), so the browser never has to know the site's time zone.
import {locale} from './i18n.js';

const pad = (n) => String(n).padStart(2, '0');

export function today() {
  const d = new Date();
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

export function add_days(date, days) {
  const [y, m, d] = date.split('-').map(Number);
  const x = new Date(Date.UTC(y, m - 1, d + days));
  return `${x.getUTCFullYear()}-${pad(x.getUTCMonth() + 1)}-${pad(x.getUTCDate())}`;
}

// The next working day (Mon–Fri): demo desks are bookable then whatever today is.
export function next_weekday(from = today()) {
  let date = add_days(from, 1);
  while ([0, 6].includes(weekday(date))) date = add_days(date, 1);
  return date;
}

export function weekday(date) {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

export const wall = (date, time) => `${date}T${time.length === 5 ? `${time}:00` : time}`;

// The site's IANA zone: the service answers in UTC, people read the site's wall clock.
let zone = 'Europe/Berlin';
export function set_zone(name) { if (name) zone = name; }

const parts_format = new Map();
function zone_parts(instant) {
  if (!parts_format.has(zone)) {
    parts_format.set(zone, new Intl.DateTimeFormat('en-GB', {timeZone: zone, year: 'numeric', month: '2-digit',
      day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23'}));
  }
  const p = Object.fromEntries(parts_format.get(zone).formatToParts(instant).map((x) => [x.type, x.value]));
  return {date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}`};
}

// "2027-03-28T07:00:00Z" (an instant) or "2027-03-28T09:00:00" (site wall time) ->
// {date, time} on the site's wall clock.
export function split(stamp) {
  const text = stamp || '';
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/.exec(text);
  if (!m) return {date: '', time: ''};
  if (!m[5]) return {date: m[1], time: m[2]};
  const instant = new Date(text);
  return Number.isNaN(instant.getTime()) ? {date: m[1], time: m[2]} : zone_parts(instant);
}

export function minutes(time) {
  const [h, m] = time.split(':').map(Number);
  return h * 60 + m;
}

export function hhmm(total) { return `${pad(Math.floor(total / 60))}:${pad(total % 60)}`; }

export function format_date(date) {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d)).toLocaleDateString(locale(),
    {weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC'});
}

export function format_range(start, end) {
  const a = split(start), b = split(end);
  if (!a.date) return '';
  const day = a.date ? format_date(a.date) : '';
  return a.date === b.date ? `${day}, ${a.time}–${b.time}` : `${day} ${a.time} – ${b.date ? format_date(b.date) : ''} ${b.time}`;
}


// An instant ("2027-03-28T07:00:12Z") as date and time with seconds on the site's wall clock,
// in the UI language (not the browser's).
export function format_instant(stamp) {
  const instant = new Date(stamp);
  if (Number.isNaN(instant.getTime())) return '';
  return instant.toLocaleString(locale(), {timeZone: zone, day: '2-digit', month: '2-digit', year: 'numeric',
    hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23'});
}

// Site wall time (date "2027-03-28", time "09:00") -> the instant as RFC 3339 UTC, or ''.
export function wall_to_utc(date, time = '00:00') {
  if (!date) return '';
  const guess = new Date(`${date}T${time}:00Z`);
  if (Number.isNaN(guess.getTime())) return '';
  // The zone's offset at that moment: shift the guess by what the wall clock shows there.
  const shown = zone_parts(guess);
  const shown_ms = Date.parse(`${shown.date}T${shown.time}:00Z`);
  return new Date(guess.getTime() - (shown_ms - guess.getTime())).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
