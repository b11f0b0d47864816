// Admin: doors (which site, unlock time, fail-secure or fail-safe). Controllers and the live
// door status have their own page once the controller link lands.
import {simple_admin} from './simple_admin.js';
import {t} from '../i18n.js';
import {load_sites} from '../spaces.js';

export const admin_doors_view = simple_admin({
  title: 'nav_admin_doors', path: '/doors', new_label: 'new_door',
  load_context: async () => ({sites: await load_sites().catch(() => [])}),
  columns: [
    {key: 'name', label: 'col_name'},
    {key: 'unlock_ms', label: 'col_unlock', show: (r) => (r.unlock_ms ? String(r.unlock_ms / 1000) : '')},
    {key: 'fail_mode', label: 'col_fail_mode', show: (r) => t(`fail_${r.fail_mode}`)},
  ],
  fields: [
    {key: 'name', label: 'name', required: true},
    {key: 'site_id', label: 'site', required: true, create_only: true,
      options: (ctx) => ctx.sites.map((x) => [x.id, x.name])},
    {key: 'unlock_ms', label: 'unlock_ms', type: 'number', default: 5000},
    {key: 'fail_mode', label: 'fail_mode', options: () => [['secure', t('fail_secure')], ['safe', t('fail_safe')]]},
  ],
});
