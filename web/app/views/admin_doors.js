// Admin: doors (which site, unlock time, fail-secure or fail-safe). Controllers and the live
// door status have their own page once the controller link lands.
import {simple_admin} from './simple_admin.js';
import {t} from '../i18n.js';

export const admin_doors_view = simple_admin({
  title: 'nav_admin_doors', path: '/doors', new_label: 'new_door',
  columns: [
    {key: 'name', label: 'col_name'},
    {key: 'unlock_seconds', label: 'col_unlock', show: (r) => String(r.unlock_seconds ?? r.unlock_time_seconds ?? r.unlock_ms / 1000 ?? '')},
    {key: 'fail_mode', label: 'col_fail_mode', show: (r) => t(`fail_${r.fail_mode ?? (r.fail_safe ? 'safe' : 'secure')}`)},
  ],
  fields: [
    {key: 'name', label: 'name', required: true},
    {key: 'site_id', label: 'site', required: true},
    {key: 'unlock_seconds', label: 'unlock_seconds', type: 'number', default: 5},
    {key: 'fail_mode', label: 'fail_mode', options: () => [['secure', t('fail_secure')], ['safe', t('fail_safe')]]},
  ],
});
