// A time of day as a list of quarter hours in 24-hour form, whatever the browser's locale:
// a native time input shows a 12-hour clock in an English browser even when the UI is German.
// The list is keyboard- and screen-reader-usable and needs no picker on a phone.
import {h} from './dom.js';

const pad = (n) => String(n).padStart(2, '0');

function quarter_hours(through_midnight) {
  const times = [];
  for (let m = 0; m < 24 * 60; m += 15) times.push(`${pad(Math.floor(m / 60))}:${pad(m % 60)}`);
  if (through_midnight) times.push('24:00');
  return times;
}

// `value` "HH:MM" (kept as an option when it is not on a quarter hour); `through_midnight`
// adds 24:00 for closing times. Other attributes go to the <select>.
export function time_select(value, attrs = {}, {through_midnight = false} = {}) {
  const times = quarter_hours(through_midnight);
  if (value && !times.includes(value)) times.push(value);
  times.sort();
  const select = h('select', {...attrs, 'data-time': ''},
    ...times.map((time) => h('option', {value: time}, time)));
  select.value = value || times[0];
  return select;
}
