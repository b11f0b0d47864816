// Modal dialogs on the native <dialog>: showModal() makes the page behind inert (focus stays
// inside) and Escape closes it; focus returns to whatever opened it.
import {h} from './dom.js';
import {t} from './i18n.js';

export function open_dialog({title, body, actions = [], on_close}) {
  const opener = document.activeElement;
  const title_id = `dlg-title-${Math.random().toString(36).slice(2)}`;
  const close_button = h('button', {type: 'button', class: 'icon-button dialog-close',
    'aria-label': t('close'), onclick: () => close()}, '×');
  const dialog = h('dialog', {class: 'dialog', 'aria-labelledby': title_id},
    h('div', {class: 'dialog-head'}, h('h2', {id: title_id}, title), close_button),
    h('div', {class: 'dialog-body'}, body),
    actions.length ? h('div', {class: 'dialog-actions'}, actions) : null);
  let closed = false;
  function close(result) {
    if (closed) return;
    closed = true;
    if (dialog.open) dialog.close();
    dialog.remove();
    if (opener && document.contains(opener)) opener.focus();
    on_close?.(result);
  }
  dialog.addEventListener('cancel', (event) => { event.preventDefault(); close(); });
  document.body.append(dialog);
  dialog.showModal();
  const first = dialog.querySelector('[autofocus], input, select, textarea, .dialog-body button');
  (first || close_button).focus();
  return {dialog, close};
}

export function confirm_dialog(title, text, confirm_label) {
  return new Promise((resolve) => {
    let result = false;
    const {close} = open_dialog({
      title,
      body: h('p', {}, text),
      actions: [
        h('button', {type: 'button', class: 'button secondary', onclick: () => close()}, t('cancel')),
        h('button', {type: 'button', class: 'button danger', onclick: () => { result = true; close(); }}, confirm_label),
      ],
      on_close: () => resolve(result),
    });
  });
}
