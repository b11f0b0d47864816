// Reading spaces, sites and availability from the API into the shapes the views draw, in one
// place, so that a renamed field in the service is a one-line change here.
import * as api from './api.js';
import {t} from './i18n.js';
import {set_zone} from './time.js';

export const kinds = ['desk', 'room', 'lab', 'training', 'event', 'showroom'];
export const room_kinds = kinds.filter((k) => k !== 'desk');
export const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

export async function load_sites() {
  const sites = api.items(await api.get('/sites'));
  set_zone(sites[0]?.time_zone);
  return sites;
}

export async function load_spaces(params = {}) {
  return api.items(await api.get(`/spaces${api.query(params)}`)).map(normalise_space);
}

export function normalise_space(space) {
  const position = space.position ?? space.floor_position ?? space.plan ?? null;
  return {
    ...space,
    id: String(space.id),
    capacity: Number(space.capacity ?? space.seats ?? 1),
    booking_mode: space.booking_mode ?? space.mode ?? 'exclusive',
    needs_approval: !!(space.needs_approval ?? space.requires_approval ?? space.approval_required),
    features: space.features ?? [],
    rules: space.rules ?? {},
    position: position && Number.isFinite(Number(position.x)) ? {
      x: Number(position.x), y: Number(position.y),
      w: Number(position.w ?? position.width ?? 0) || 1.5, h: Number(position.h ?? position.height ?? 0) || 1.2,
    } : null,
  };
}

export function kind_label(kind) { return t(`kind_${kind}`); }

// {space_id -> free seats} for spaces free over the whole interval.
export async function load_availability(params) {
  const rows = api.items(await api.get(`/availability${api.query(params)}`));
  const free = new Map();
  for (const row of rows) {
    const id = row.space_id ?? row.id ?? row.space?.id;
    if (id === undefined) continue;
    free.set(String(id), Number(row.free_seats ?? row.free ?? row.seats ?? 1));
  }
  return free;
}

// Free seats over time for one space: [{start, end, free}] sorted by start.
export async function load_space_timeline(space_id, from, to) {
  const data = await api.get(`/spaces/${encodeURIComponent(space_id)}/availability${api.query({from, to})}`);
  const rows = api.items(data?.segments ?? data?.slots ?? data);
  return rows.map((r) => ({
    start: r.start ?? r.from, end: r.end ?? r.to,
    free: Number(r.free_seats ?? r.free ?? r.seats ?? 0),
  })).sort((a, b) => (a.start < b.start ? -1 : 1));
}

// The rules of a space in plain words, one line each, for the booking dialog.
export function describe_rules(space) {
  const r = space.rules || {};
  const lines = [];
  const num = (...keys) => { for (const k of keys) if (r[k] !== undefined && r[k] !== null) return Number(r[k]); return undefined; };
  const min = num('min_duration_minutes', 'min_minutes', 'min_duration');
  const max = num('max_duration_minutes', 'max_minutes', 'max_duration');
  const lead = num('lead_time_minutes', 'lead_minutes', 'lead_time');
  const ahead = num('max_days_ahead', 'days_ahead');
  const buffer = num('buffer_minutes', 'buffer');
  if (min) lines.push(t('rule_min', {minutes: min}));
  if (max) lines.push(t('rule_max', {minutes: max}));
  if (lead) lines.push(t('rule_lead', {minutes: lead}));
  if (ahead) lines.push(t('rule_ahead', {days: ahead}));
  if (buffer) lines.push(t('rule_buffer', {minutes: buffer}));
  lines.push(t(space.booking_mode === 'shared' ? 'rule_shared' : 'rule_exclusive', {capacity: space.capacity}));
  if (space.needs_approval) lines.push(t('rule_approval'));
  return lines;
}
