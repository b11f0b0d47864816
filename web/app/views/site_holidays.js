// Admin: load a German state's public holidays of one year into a site's closures in one step.
// Days the site is already closed on are kept as they are.
import {h, field} from '../dom.js';
import {t} from '../i18n.js';
import * as api from '../api.js';
import {announce, explain, alert_box} from '../messages.js';

const states = ['BW', 'BY', 'BE', 'BB', 'HB', 'HH', 'HE', 'MV', 'NI', 'NW', 'RP', 'SL', 'SN', 'ST', 'SH', 'TH'];

export async function holidays_section() {
  let sites;
  try {
    sites = api.items(await api.get('/sites'));
  } catch (error) {
    return alert_box(explain(error));
  }
  const site_in = h('select', {name: 'site'}, sites.map((s) => h('option', {value: s.id}, s.name)));
  const state_in = h('select', {name: 'state'}, states.map((code) => h('option', {value: code}, t(`state_${code}`))));
  state_in.value = 'NW';
  const year_in = h('input', {type: 'number', name: 'year', min: 2000, max: 2100, value: new Date().getFullYear() + 1});
  const error_slot = h('div', {class: 'error-slot'});
  const form = h('form', {class: 'inline-form', novalidate: true, 'data-holidays': ''},
    field(t('holiday_site'), site_in), field(t('holiday_state'), state_in), field(t('holiday_year'), year_in),
    h('button', {type: 'submit', class: 'button'}, t('holiday_load')), error_slot);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    error_slot.replaceChildren();
    try {
      const site = await api.post(`/sites/${encodeURIComponent(site_in.value)}/holidays`,
        {state: state_in.value, year: Number(year_in.value)});
      announce(t('holiday_loaded', {count: site.holidays_added, site: site.name, year: year_in.value}), 'success');
    } catch (error) {
      error_slot.append(alert_box(explain(error)));
    }
  });
  return h('section', {class: 'card', 'aria-labelledby': 'holidays-heading'},
    h('h2', {id: 'holidays-heading'}, t('holiday_title')), h('p', {}, t('holiday_intro')), form);
}
