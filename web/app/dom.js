// Building DOM nodes without innerHTML, so text from the API can never become markup.

// h('button', {class: 'x', onclick: f, 'aria-label': 'y'}, 'text', child, [more])
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  set_attrs(el, attrs);
  append(el, children);
  return el;
}

const svg_ns = 'http://www.w3.org/2000/svg';
export function s(tag, attrs = {}, ...children) {
  const el = document.createElementNS(svg_ns, tag);
  set_attrs(el, attrs);
  append(el, children);
  return el;
}

function set_attrs(el, attrs) {
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') el.addEventListener(name.slice(2), value);
    else if (name === 'dataset') Object.assign(el.dataset, value);
    else if (name === 'value' && 'value' in el) el.value = value;
    else if (name === 'checked' && 'checked' in el) el.checked = !!value;
    else el.setAttribute(name, value === true ? '' : String(value));
  }
}

function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

export function clear(el) {
  while (el.firstChild) el.firstChild.remove();
  return el;
}

let id_counter = 0;
export function uid(prefix = 'id') {
  id_counter += 1;
  return `${prefix}-${id_counter}`;
}

// A labelled form field; returns {row, input}.
export function field(label, input, hint) {
  if (!input.id) input.id = uid('f');
  const hint_el = hint ? h('span', {class: 'hint', id: `${input.id}-hint`}, hint) : null;
  if (hint_el) input.setAttribute('aria-describedby', hint_el.id);
  return h('div', {class: 'field'}, h('label', {for: input.id}, label), input, hint_el);
}
