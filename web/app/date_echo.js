// Chromium draws <input type=date> in the browser's locale whatever the page's language, and a
// page cannot change that. So each date field gets an echo of its value in the UI language
// beside it, tied to the input as its description.
import {h, uid, field} from './dom.js';
import {format_date} from './time.js';

export function echo_date(input) {
  const echo = h('span', {class: 'hint date-echo', id: uid('date-echo')});
  const update = () => { echo.textContent = /^\d{4}-\d{2}-\d{2}$/.test(input.value) ? format_date(input.value) : ''; };
  input.addEventListener('input', update);
  input.addEventListener('change', update);
  const described = input.getAttribute('aria-describedby');
  input.setAttribute('aria-describedby', described ? `${described} ${echo.id}` : echo.id);
  update();
  return echo;
}

// field() for a date input, with its echo.
export function date_field(label, input, hint) {
  const row = field(label, input, hint);
  row.append(echo_date(input));
  return row;
}
