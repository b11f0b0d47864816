// A member changes a booking from "my bookings": a longer end is saved and shown; a move onto
// someone else's time is explained in the dialog and the booking stays as it was.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {with_hub, de, next_weekday} from './support/fixture.mjs';
import {open_page, sign_in, go, assert_accessible, assert_clean} from './support/browser.mjs';

const ctx = with_hub();
const berlin = new Intl.DateTimeFormat('en-GB', {timeZone: 'Europe/Berlin', hour: '2-digit', minute: '2-digit', hourCycle: 'h23'});
const wall_clock = (stamp) => berlin.format(new Date(stamp));

test('a member lengthens a booking and is told when a move collides', async () => {
  const all_day = Object.fromEntries(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']
    .map((d) => [d, [{open: '00:00', close: '24:00'}]]));
  const site = await ctx.hub.as_admin('POST', '/sites', {name: 'Edit site', time_zone: 'Europe/Berlin', opening_hours: all_day});
  const room = await ctx.hub.as_admin('POST', '/spaces', {site_id: site.id, name: 'Project room', kind: 'room', capacity: 4, mode: 'exclusive'});
  const member = await ctx.hub.add_member('Edda Example');
  const other = await ctx.hub.add_member('Fritz Example');
  const day = next_weekday();
  const booking = await ctx.hub.as_admin('POST', '/bookings', {space_id: room.id, start: `${day}T09:00:00`,
    end: `${day}T10:00:00`, seats: 1, user_id: member.id});
  await ctx.hub.as_admin('POST', '/bookings', {space_id: room.id, start: `${day}T11:00:00`,
    end: `${day}T12:00:00`, seats: 1, user_id: other.id});

  const page = await open_page(ctx.browser, ctx.hub);
  await sign_in(page, member);
  await go(page, '/my/bookings');
  const row = page.locator(`tr[data-booking-id="${booking.id}"]`);
  await row.waitFor();
  await row.locator('button', {hasText: de.edit_booking}).click();
  const dialog = page.locator('dialog[open]');
  await dialog.waitFor();
  assert.equal(await dialog.locator('select[name=start]').inputValue(), '09:00');
  await assert_accessible(page, 'the change booking dialog');
  await dialog.locator('select[name=end]').selectOption('10:30');
  await dialog.locator('.dialog-actions button[type=submit]').click();
  await page.waitForSelector('dialog[open]', {state: 'detached'});
  await page.waitForSelector('#status.status-success p');
  let stored = await ctx.hub.as_admin('GET', `/bookings/${booking.id}`);
  assert.equal(wall_clock(stored.end), '10:30');
  await page.waitForFunction((id) => document.querySelector(`tr[data-booking-id="${id}"]`)?.textContent.includes('10:30'), booking.id);

  await row.locator('button', {hasText: de.edit_booking}).click();
  await dialog.waitFor();
  await dialog.locator('select[name=start]').selectOption('11:00');
  await dialog.locator('select[name=end]').selectOption('12:00');
  await dialog.locator('.dialog-actions button[type=submit]').click();
  const alert = dialog.locator('[role=alert]');
  await alert.waitFor();
  const said = await alert.textContent();
  assert.ok(said.startsWith(de.problem_booking_conflict), said);
  await assert_accessible(page, 'the refused change');
  stored = await ctx.hub.as_admin('GET', `/bookings/${booking.id}`);
  assert.equal(wall_clock(stored.start), '09:00');
  assert.equal(wall_clock(stored.end), '10:30');
  assert_clean(page);
});
