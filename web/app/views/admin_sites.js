// Admin: sites (name and IANA time zone; opening hours and DST follow the zone), and the
// public holidays they close on.
import {simple_admin} from './simple_admin.js';
import {holidays_section} from './site_holidays.js';
import {closures_text, parse_closures} from '../closures.js';

const sites_table = simple_admin({
  title: 'nav_admin_sites', path: '/sites', new_label: 'new_site',
  columns: [{key: 'name', label: 'col_name'}, {key: 'time_zone', label: 'col_time_zone', show: (r) => r.time_zone ?? ''}],
  fields: [{key: 'name', label: 'name', required: true},
    {key: 'time_zone', label: 'time_zone', required: true, default: 'Europe/Berlin', hint: 'time_zone_hint'},
    {key: 'closures', label: 'closures', type: 'textarea', hint: 'closures_hint', format: closures_text,
      parse: parse_closures}],
});

export async function admin_sites_view(container) {
  await sites_table(container);
  container.append(await holidays_section());
}
