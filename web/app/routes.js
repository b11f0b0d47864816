// The pages of the UI and the navigation that leads to them.
import {signin_view} from './views/signin.js';
import {desks_view} from './views/desks.js';
import {rooms_view} from './views/rooms.js';
import {my_bookings_view} from './views/my_bookings.js';
import {my_cards_view} from './views/my_cards.js';
import {my_account_view} from './views/my_account.js';
import {admin_spaces_view} from './views/admin_spaces.js';
import {admin_sites_view} from './views/admin_sites.js';
import {admin_groups_view} from './views/admin_groups.js';
import {admin_users_view} from './views/admin_users.js';
import {admin_approvals_view} from './views/admin_approvals.js';
import {front_desk_view} from './views/front_desk.js';
import {admin_doors_view} from './views/admin_doors.js';
import {access_log_view} from './views/access_log.js';
import {controllers_view} from './views/controller_status.js';
import {calendar_feed_view} from './views/calendar_feed.js';
import {utilisation_view} from './views/utilisation.js';

export const routes = {
  '/signin': {title: 'sign_in', view: signin_view},
  '/desks': {title: 'nav_desks', view: desks_view},
  '/rooms': {title: 'nav_rooms', view: rooms_view},
  '/my/bookings': {title: 'nav_my_bookings', view: my_bookings_view},
  '/my/cards': {title: 'nav_my_cards', view: my_cards_view},
  '/admin/spaces': {title: 'nav_admin_spaces', view: admin_spaces_view, admin: true},
  '/admin/sites': {title: 'nav_admin_sites', view: admin_sites_view, admin: true},
  '/admin/groups': {title: 'nav_admin_groups', view: admin_groups_view, admin: true},
  '/admin/users': {title: 'nav_admin_users', view: admin_users_view, admin: true},
  '/admin/approvals': {title: 'nav_admin_approvals', view: admin_approvals_view, admin: true},
  '/admin/front-desk': {title: 'nav_admin_front_desk', view: front_desk_view, admin: true},
  '/admin/doors': {title: 'nav_admin_doors', view: admin_doors_view, admin: true},
  '/admin/controllers': {title: 'nav_admin_controllers', view: controllers_view, admin: true},
  '/admin/access-log': {title: 'nav_admin_access_log', view: access_log_view, admin: true},
  '/admin/reports': {title: 'util_title', view: utilisation_view, admin: true},
  '/my/calendar': {title: 'feed_title', view: calendar_feed_view},
  '/my/account': {title: 'account_title', view: my_account_view},
};

export const nav_items = [
  {id: 'book', label: 'nav_group_book', items: [
    {path: '/desks', label: 'nav_desks'},
    {path: '/rooms', label: 'nav_rooms'},
  ]},
  {id: 'mine', label: 'nav_group_mine', items: [
    {path: '/my/bookings', label: 'nav_my_bookings'},
    {path: '/my/cards', label: 'nav_my_cards'},
    {path: '/my/calendar', label: 'nav_my_calendar'},
    {path: '/my/account', label: 'nav_my_account'},
  ]},
  {id: 'admin', label: 'nav_group_admin', admin: true, items: [
    {path: '/admin/front-desk', label: 'nav_admin_front_desk'},
    {path: '/admin/spaces', label: 'nav_admin_spaces'},
    {path: '/admin/sites', label: 'nav_admin_sites'},
    {path: '/admin/groups', label: 'nav_admin_groups'},
    {path: '/admin/users', label: 'nav_admin_users'},
    {path: '/admin/approvals', label: 'nav_admin_approvals'},
    {path: '/admin/doors', label: 'nav_admin_doors'},
    {path: '/admin/controllers', label: 'nav_admin_controllers'},
    {path: '/admin/access-log', label: 'nav_admin_access_log'},
    {path: '/admin/reports', label: 'nav_admin_reports'},
  ]},
];
