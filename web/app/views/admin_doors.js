// Admin: doors (which site, unlock time, fail-secure or fail-safe), then the controllers that
// drive them with their live status.
import {simple_admin} from './simple_admin.js';
import {t} from '../i18n.js';
import {load_sites} from '../spaces.js';
import {controller_status_section} from './controller_status.js';

const doors_table = simple_admin({
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

export async function admin_doors_view(container, opts) {
  await doors_table(container);
  await controller_status_section(container, opts);
}
