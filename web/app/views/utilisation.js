// Utilisation for admins: booked against open seat-hours per ISO week and space or kind, as a
// table (weeks across) and a bar chart of the whole range; the table is the chart's text.
import {h, s, field} from '../dom.js';
import {t, locale} from '../i18n.js';
import * as api from '../api.js';
import {load_sites, kind_label} from '../spaces.js';
import {today, add_days} from '../time.js';
import {explain, alert_box} from '../messages.js';
import {date_field} from '../date_echo.js';

// One report per page, so its ids are fixed: a chart keeps pointing at its table however
// often the report is shown again.
const table_id = 'util-table';
const chart_title_id = 'util-chart-title';

export async function utilisation_view(container, {token} = {}) {
  container.append(h('h1', {tabindex: '-1'}, t('util_title')), h('p', {}, t('util_intro')));
  let sites;
  try {
    sites = await load_sites();
  } catch (error) {
    container.append(alert_box(explain(error)));
    return;
  }
  if (!sites.length) {
    container.append(h('p', {class: 'notice'}, t('util_no_sites')));
    return;
  }
  const site = h('select', {name: 'site'}, sites.map((x) => h('option', {value: x.id}, x.name)));
  const monday = monday_of(today());
  const from = h('input', {type: 'date', name: 'from', value: add_days(monday, -21), required: true});
  const to = h('input', {type: 'date', name: 'to', value: add_days(monday, 6), required: true});
  const group = h('select', {name: 'group_by'},
    h('option', {value: 'space'}, t('util_by_space')), h('option', {value: 'kind'}, t('util_by_kind')));
  const result = h('div', {class: 'report', 'aria-live': 'polite', 'aria-busy': 'false'});
  const shown = latest_only(result, token);
  const query = () => ({site: site.value, from: from.value, to: to.value, group_by: group.value});
  const form = h('form', {class: 'toolbar', 'aria-label': t('util_filters')},
    field(t('util_site'), site), date_field(t('from'), from), date_field(t('to'), to), field(t('util_group_by'), group),
    h('button', {type: 'submit', class: 'button primary'}, t('util_show')));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    show(result, query(), shown);
  });
  container.append(form, result);
  await show(result, query(), shown);
}

// Answers can come back in any order; only the one for the query submitted last may draw,
// and nothing draws once the page has been left.
function latest_only(slot, token) {
  let latest = 0;
  return {
    begin() { latest += 1; slot.setAttribute('aria-busy', 'true'); return latest; },
    current(ticket) { return ticket === latest && slot.isConnected && (token ? token() : true); },
    end(ticket) { if (ticket === latest) slot.setAttribute('aria-busy', 'false'); },
  };
}

function monday_of(date) {
  const [y, m, d] = date.split('-').map(Number);
  const weekday = (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7;
  return add_days(date, -weekday);
}

async function show(slot, params, shown) {
  const ticket = shown.begin();
  let paint;
  try {
    const report = await api.get(`/reports/utilisation${api.query(params)}`);
    paint = () => draw(slot, params, report);
  } catch (error) {
    paint = () => slot.replaceChildren(alert_box(explain(error)));
  }
  if (shown.current(ticket)) paint();
  shown.end(ticket);
}

function draw(slot, params, report) {
  const csv = `/api/v1/reports/utilisation${api.query({...params, format: 'csv'})}`;
  const download = h('p', {}, h('a', {class: 'button secondary', href: csv, download: '', 'data-csv': ''},
    t('util_download_csv')));
  if (!report.rows.length) {
    slot.replaceChildren(h('p', {class: 'notice'}, t('util_empty')), download);
    return;
  }
  const model = pivot(report, params.group_by);
  slot.replaceChildren(chart(model), table(model), download);
}

// Rows of the API (week x series) -> series with a cell per week and a total.
function pivot(report, group_by) {
  const weeks = [...new Set(report.rows.map((r) => r.week))];
  const series = new Map();
  for (const row of report.rows) {
    if (!series.has(row.key)) {
      const label = group_by === 'kind' ? kind_label(row.key) : row.label;
      series.set(row.key, {key: row.key, label, cells: new Map(), booked: 0, capacity: 0});
    }
    const item = series.get(row.key);
    item.cells.set(row.week, row);
    item.booked += row.booked_seat_hours;
    item.capacity += row.capacity_seat_hours;
  }
  for (const item of series.values()) item.percent = item.capacity > 0 ? 100 * item.booked / item.capacity : null;
  return {weeks, series: [...series.values()]};
}

const percent_format = () => new Intl.NumberFormat(locale(), {maximumFractionDigits: 1});
const hours_format = () => new Intl.NumberFormat(locale(), {maximumFractionDigits: 1});

function percent_text(value) {
  return value === null || value === undefined ? '–' : `${percent_format().format(value)} %`;
}

function table(model) {
  const hours = hours_format();
  // The wrapper scrolls sideways on narrow screens, so keyboard users must be able to focus it.
  return h('div', {class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': t('util_table_caption')},
    h('table', {class: 'data utilisation', id: table_id},
    h('caption', {}, t('util_table_caption')),
    h('thead', {}, h('tr', {},
      h('th', {scope: 'col'}, t('util_series')),
      model.weeks.map((w) => h('th', {scope: 'col'}, w)),
      h('th', {scope: 'col'}, t('util_total')))),
    h('tbody', {}, model.series.map((item) => h('tr', {'data-series': item.key},
      h('th', {scope: 'row'}, item.label),
      model.weeks.map((w) => {
        const cell = item.cells.get(w);
        if (!cell) return h('td', {}, '–');
        return h('td', {},
          h('span', {class: 'util-percent'}, percent_text(cell.utilisation_percent)),
          h('span', {class: 'hint util-detail'}, ` ${t('util_cell_detail', {
            booked: hours.format(cell.booked_seat_hours), capacity: hours.format(cell.capacity_seat_hours),
            bookings: cell.bookings, no_shows: cell.no_shows, cancellations: cell.cancellations})}`));
      }),
      h('td', {}, h('strong', {}, percent_text(item.percent))))))));
}

// Horizontal bars, one per series, for the whole range. Geometry is in SVG attributes (no
// style attributes: the CSP forbids inline styles); colours come from the stylesheet.
function chart(model) {
  const bar = 22, gap = 10, label_w = 190, plot_w = 420, top = 28;
  const height = top + model.series.length * (bar + gap) + 8;
  const svg = s('svg', {class: 'util-chart', viewBox: `0 0 ${label_w + plot_w + 70} ${height}`,
    role: 'img', 'aria-labelledby': chart_title_id, 'aria-describedby': table_id, focusable: 'false'},
  s('title', {id: chart_title_id}, t('util_chart_title')),
  [0, 50, 100].map((p) => s('g', {class: 'util-grid'},
    s('line', {x1: label_w + plot_w * p / 100, x2: label_w + plot_w * p / 100, y1: top - 6, y2: height - 4}),
    s('text', {x: label_w + plot_w * p / 100, y: top - 12, 'text-anchor': 'middle'}, `${p} %`))),
  model.series.map((item, i) => {
    const y = top + i * (bar + gap);
    const value = Math.max(0, Math.min(100, item.percent ?? 0));
    return s('g', {class: 'util-bar'},
      s('text', {x: label_w - 8, y: y + bar * 0.7, 'text-anchor': 'end', class: 'util-label'}, truncate(item.label, 26)),
      s('rect', {x: label_w, y, width: plot_w, height: bar, class: 'util-track'}),
      s('rect', {x: label_w, y, width: Math.max(value * plot_w / 100, item.percent ? 1 : 0), height: bar, class: 'util-fill'}),
      s('text', {x: label_w + plot_w + 6, y: y + bar * 0.7, class: 'util-value'}, percent_text(item.percent)));
  }));
  return h('figure', {class: 'util-figure'}, svg,
    h('figcaption', {class: 'hint'}, t('util_chart_caption')));
}

function truncate(text, max) { return text.length > max ? `${text.slice(0, max - 1)}…` : text; }
