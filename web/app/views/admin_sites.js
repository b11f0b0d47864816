// Admin: sites (name and IANA time zone; opening hours and DST follow the zone).
import {simple_admin} from './simple_admin.js';

export const admin_sites_view = simple_admin({
  title: 'nav_admin_sites', path: '/sites', new_label: 'new_site',
  columns: [{key: 'name', label: 'col_name'}, {key: 'time_zone', label: 'col_time_zone', show: (r) => r.time_zone ?? ''}],
  fields: [{key: 'name', label: 'name', required: true},
    {key: 'time_zone', label: 'time_zone', required: true, default: 'Europe/Berlin', hint: 'time_zone_hint'}],
});
