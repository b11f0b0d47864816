// Weekly hours (opening hours, door schedules) between the API's shape
// ({"monday": [{"open": "07:00", "close": "22:00"}], ...}) and a form's seven rows.
import {weekdays} from './spaces.js';

const full = {mon: 'monday', tue: 'tuesday', wed: 'wednesday', thu: 'thursday', fri: 'friday', sat: 'saturday', sun: 'sunday'};

// -> {mon: {open: '07:00', close: '22:00'} | null, ...}; the first period of each day.
export function read_hours(value) {
  const days = Object.fromEntries(weekdays.map((d) => [d, null]));
  if (!value || typeof value !== 'object') return days;
  for (const d of weekdays) {
    const span = value[full[d]] ?? value[d];
    const first = Array.isArray(span) ? span[0] : span;
    if (first?.open && first?.close) days[d] = {open: first.open.slice(0, 5), close: first.close.slice(0, 5)};
  }
  return days;
}

export function write_hours(days) {
  return Object.fromEntries(weekdays.map((d) => [full[d], days[d] ? [{open: days[d].open, close: days[d].close}] : []]));
}
