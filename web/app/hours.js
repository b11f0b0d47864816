// Weekly opening hours between the API's shape and the form's seven rows. The service's
// shape is read as found and written back the same way.
import {weekdays} from './spaces.js';

// -> {shape, days: {mon: {open: '07:00', close: '22:00'} | null, ...}}
export function read_hours(value) {
  const days = Object.fromEntries(weekdays.map((d) => [d, null]));
  let shape = 'list';
  const day_key = (x) => {
    if (typeof x === 'number') return weekdays[(x + 6) % 7];  // 0 = Sunday ... 6 = Saturday
    const k = String(x).slice(0, 3).toLowerCase();
    return weekdays.includes(k) ? k : null;
  };
  if (Array.isArray(value)) {
    for (const row of value) {
      const key = day_key(row.weekday ?? row.day ?? row.dow);
      const open = row.open ?? row.from ?? row.start;
      const close = row.close ?? row.to ?? row.end;
      if (key && open && close) days[key] = {open: open.slice(0, 5), close: close.slice(0, 5)};
    }
  } else if (value && typeof value === 'object') {
    shape = 'map';
    for (const [k, v] of Object.entries(value)) {
      const key = day_key(k);
      const span = Array.isArray(v) ? v[0] : v;
      if (key && span) days[key] = {open: (span.open ?? span.from ?? span[0]).slice(0, 5), close: (span.close ?? span.to ?? span[1]).slice(0, 5)};
    }
  }
  return {shape, days};
}

export function write_hours({shape, days}) {
  if (shape === 'map') {
    return Object.fromEntries(Object.entries(days).filter(([, v]) => v).map(([k, v]) => [k, [{open: v.open, close: v.close}]]));
  }
  return Object.entries(days).filter(([, v]) => v).map(([k, v]) => ({weekday: k, open: v.open, close: v.close}));
}
