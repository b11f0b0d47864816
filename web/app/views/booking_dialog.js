// The booking dialog: shows the space's rules, books (or changes a booking), and explains a
// refusal in plain words inside the dialog so the member can adjust the time and try again. An admin (the front
// desk) may book for a member: the member's own rules and quota apply.
import {h, field} from '../dom.js';
import {t} from '../i18n.js';
import * as api from '../api.js';
import {open_dialog} from '../dialog.js';
import {explain, alert_box, announce} from '../messages.js';
import {describe_rules, kind_label} from '../spaces.js';
import {wall, format_range, split, add_days} from '../time.js';
import {date_field} from '../date_echo.js';
import {is_admin} from '../session.js';
import {time_select} from '../time_select.js';

// For an admin: whom the booking is for ('' = themself), filled once the users have loaded.
function member_select() {
  const select = h('select', {name: 'user_id'}, h('option', {value: ''}, t('book_for_me')));
  api.get('/users').then(api.items).then((users) => {
    const others = users.filter((u) => u.active !== false)
      .sort((a, b) => (a.display_name || a.email).localeCompare(b.display_name || b.email));
    select.append(...others.map((u) => h('option', {value: u.id}, `${u.display_name || u.email} (${u.email})`)));
  }).catch(() => { /* booking for oneself still works */ });
  return select;
}

// Opens the dialog; resolves with the created booking, or null when closed without booking.
export function book_space(space, {date, start, end, seats = 1}) {
  return booking_dialog({space, values: {date, start, end, seats, title: ''}});
}

// Opens the dialog on an existing booking: time, seats, title and (before it begins) the space
// among `spaces` of the same site. Resolves with the changed booking, or null.
export function edit_booking(booking, space, spaces = []) {
  const from = split(booking.start), to = split(booking.end);
  return booking_dialog({space, booking, spaces: spaces.filter((s) => s.site_id === space.site_id && s.active !== false),
    values: {date: from.date, start: from.time, end: to.time, seats: booking.seats ?? 1, title: booking.title ?? '',
      end_shift: Math.round((Date.parse(to.date) - Date.parse(from.date)) / 86400000) || 0}});
}

function booking_dialog({space, values, booking = null, spaces = []}) {
  return new Promise((resolve) => {
    let saved = null;
    // Once begun the service lets only the end and the title change.
    const begun = booking && (booking.status === 'checked_in' || new Date(booking.start) <= new Date());
    const date_in = h('input', {type: 'date', value: values.date, required: true, disabled: begun});
    const start_in = time_select(values.start, {name: 'start', required: true, disabled: begun});
    const end_in = time_select(values.end, {name: 'end', required: true});
    const seats_in = h('input', {type: 'number', min: 1, max: space.capacity, value: values.seats, required: true, disabled: begun});
    const title_in = h('input', {type: 'text', maxlength: 120, autocomplete: 'off', value: values.title});
    const space_in = booking && spaces.length > 1 && !begun
      ? h('select', {name: 'space_id', onchange: () => { seats_in.max = chosen().capacity; }},
        spaces.map((s) => h('option', {value: s.id, selected: s.id === space.id}, `${s.name} (${kind_label(s.kind)})`)))
      : null;
    const chosen = () => spaces.find((s) => s.id === space_in?.value) ?? space;
    const for_in = is_admin() && !booking ? member_select() : null;
    const error_slot = h('div', {class: 'error-slot'});
    const rules = describe_rules(space);
    const form_id = booking ? 'booking-edit-form' : 'booking-form';
    const submit = h('button', {type: 'submit', class: 'button primary', form: form_id}, t(booking ? 'save_changes' : 'book'));
    const form = h('form', {id: form_id, class: 'form-grid', novalidate: true},
      h('p', {class: 'space-summary'}, `${kind_label(space.kind)} · ${t('seats_count', {count: space.capacity})}`),
      h('div', {class: 'rules'}, h('h3', {}, t('rules')), h('ul', {}, rules.map((line) => h('li', {}, line)))),
      begun ? h('p', {class: 'notice'}, t('booking_begun_hint')) : null,
      space_in ? field(t('col_space'), space_in) : null,
      date_field(t('date'), date_in),
      h('div', {class: 'field-row'}, field(t('from'), start_in), field(t('to'), end_in)),
      space.capacity > 1 || space_in ? field(t('seats'), seats_in) : null,
      field(t('booking_title'), title_in, t('booking_title_hint')),
      for_in ? field(t('book_for'), for_in) : null,
      error_slot);
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      error_slot.replaceChildren();
      if (!date_in.value || !start_in.value || !end_in.value) {
        error_slot.append(alert_box(t('fill_required')));
        return;
      }
      submit.disabled = true;
      // A booking through midnight keeps its end that many days after its start.
      const end_at = wall(add_days(date_in.value, values.end_shift ?? 0), end_in.value);
      const when = format_range(wall(date_in.value, start_in.value), end_at);
      try {
        if (booking) {
          const change = {end: end_at, title: title_in.value.trim()};
          if (!begun) {
            Object.assign(change, {start: wall(date_in.value, start_in.value), seats: Number(seats_in.value) || 1});
            if (space_in) change.space_id = space_in.value;
          }
          saved = await api.patch(`/bookings/${encodeURIComponent(booking.id)}`, change);
          announce(saved?.status === 'pending' && booking.status !== 'pending'
            ? t('booking_changed_pending', {name: chosen().name, when})
            : t('booking_changed', {name: chosen().name, when}), 'success');
        } else {
          saved = await api.post('/bookings', {
            space_id: space.id,
            start: wall(date_in.value, start_in.value),
            end: wall(date_in.value, end_in.value),
            seats: Number(seats_in.value) || 1,
            title: title_in.value.trim() || undefined,
            user_id: for_in?.value || undefined,
          });
          saved = saved?.booking ?? saved;
          const done = saved?.status === 'pending'
            ? t('booking_pending', {name: space.name, when})
            : t('booking_done', {name: space.name, when});
          const member = for_in?.value ? for_in.selectedOptions[0].textContent : '';
          announce(member ? `${done} ${t('booked_for', {member})}` : done, 'success');
        }
        close();
      } catch (error) {
        error_slot.append(alert_box(explain(error)));
        submit.disabled = false;
      }
    });
    const {close} = open_dialog({
      title: t(booking ? 'edit_booking_title' : 'book_space', {name: space.name}),
      body: form,
      actions: [h('button', {type: 'button', class: 'button secondary', onclick: () => close()}, t('cancel')), submit],
      on_close: () => resolve(saved),
    });
  });
}
