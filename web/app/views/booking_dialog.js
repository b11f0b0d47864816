// The booking dialog: shows the space's rules, books, and explains a refusal in plain words
// inside the dialog so the member can adjust the time and try again. An admin (the front
// desk) may book for a member: the member's own rules and quota apply.
import {h, field} from '../dom.js';
import {t} from '../i18n.js';
import * as api from '../api.js';
import {open_dialog} from '../dialog.js';
import {explain, alert_box, announce} from '../messages.js';
import {describe_rules, kind_label} from '../spaces.js';
import {wall, format_range} from '../time.js';
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
  return new Promise((resolve) => {
    let created = null;
    const date_in = h('input', {type: 'date', value: date, required: true});
    const start_in = time_select(start, {name: 'start', required: true});
    const end_in = time_select(end, {name: 'end', required: true});
    const seats_in = h('input', {type: 'number', min: 1, max: space.capacity, value: seats, required: true});
    const title_in = h('input', {type: 'text', maxlength: 120, autocomplete: 'off'});
    const for_in = is_admin() ? member_select() : null;
    const error_slot = h('div', {class: 'error-slot'});
    const rules = describe_rules(space);
    const submit = h('button', {type: 'submit', class: 'button primary', form: 'booking-form'}, t('book'));
    const form = h('form', {id: 'booking-form', class: 'form-grid', novalidate: true},
      h('p', {class: 'space-summary'}, `${kind_label(space.kind)} · ${t('seats_count', {count: space.capacity})}`),
      h('div', {class: 'rules'}, h('h3', {}, t('rules')), h('ul', {}, rules.map((line) => h('li', {}, line)))),
      date_field(t('date'), date_in),
      h('div', {class: 'field-row'}, field(t('from'), start_in), field(t('to'), end_in)),
      space.capacity > 1 ? field(t('seats'), seats_in) : null,
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
      try {
        created = await api.post('/bookings', {
          space_id: space.id,
          start: wall(date_in.value, start_in.value),
          end: wall(date_in.value, end_in.value),
          seats: Number(seats_in.value) || 1,
          title: title_in.value.trim() || undefined,
          user_id: for_in?.value || undefined,
        });
        created = created?.booking ?? created;
        const when = format_range(wall(date_in.value, start_in.value), wall(date_in.value, end_in.value));
        const done = created?.status === 'pending'
          ? t('booking_pending', {name: space.name, when})
          : t('booking_done', {name: space.name, when});
        const member = for_in?.value ? for_in.selectedOptions[0].textContent : '';
        announce(member ? `${done} ${t('booked_for', {member})}` : done, 'success');
        close();
      } catch (error) {
        error_slot.append(alert_box(explain(error)));
        submit.disabled = false;
      }
    });
    const {close} = open_dialog({
      title: t('book_space', {name: space.name}),
      body: form,
      actions: [h('button', {type: 'button', class: 'button secondary', onclick: () => close()}, t('cancel')), submit],
      on_close: () => resolve(created),
    });
  });
}
