// A place in the navigation for capabilities that arrive later (controllers, access log,
// reports, calendar feed), so members and admins already know where to look.
import {h} from '../dom.js';
import {t} from '../i18n.js';

export const later_view = (title) => async (container) => {
  container.append(h('h1', {tabindex: '-1'}, t(title)), h('p', {class: 'notice'}, t('coming_later')));
};
