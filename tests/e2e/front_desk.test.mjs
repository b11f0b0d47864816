// The front desk: an admin books a desk for a member in the usual dialog, finds an expected
// member by name and checks them in with one click.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {with_hub, de, next_weekday} from './support/fixture.mjs';
import {open_page, sign_in, go, assert_accessible, assert_clean} from './support/browser.mjs';
import {items} from './support/hub.mjs';

const ctx = with_hub();
const rfc3339 = (ms) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

test('an admin books a desk for a member', async () => {
  const member = await ctx.hub.add_member('Berta Example');
  const page = await open_page(ctx.browser, ctx.hub);
  await sign_in(page, ctx.hub.admin);
  await page.fill('.toolbar input[type=date]', next_weekday());
  const times = page.locator('.toolbar select[data-time]');
  await times.nth(0).selectOption('09:00');
  await times.nth(1).selectOption('11:00');
  await page.click('.toolbar button[type=submit]');
  await page.waitForSelector('.plan-slot[aria-busy=false] svg.floor-plan');
  await page.locator('.desk[data-state=free]').first().click();
  const dialog = page.locator('dialog[open]');
  const option = dialog.locator('select[name=user_id] option', {hasText: member.email});
  await option.waitFor({state: 'attached'});
  await dialog.locator('select[name=user_id]').selectOption(member.id);
  await assert_accessible(page, 'the booking dialog with "for"');
  await dialog.locator('.dialog-actions button[type=submit]').click();
  await page.waitForSelector('dialog[open]', {state: 'detached'});
  const said = await page.textContent('#status.status-success p');
  assert.ok(said.endsWith(de.booked_for.replace('{member}', `${member.name} (${member.email})`)), said);
  const theirs = items(await ctx.hub.as_admin('GET', `/bookings?user=${member.id}&from=${next_weekday()}T00:00:00&to=${next_weekday()}T23:59:00`));
  assert.equal(theirs.length, 1);
  assert.equal(theirs[0].status, 'confirmed');
  assert_clean(page);
});

test('the front desk finds an expected member by name and checks them in', async () => {
  const all_day = Object.fromEntries(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']
    .map((d) => [d, [{open: '00:00', close: '24:00'}]]));
  const site = await ctx.hub.as_admin('POST', '/sites', {name: 'Night lab', time_zone: 'Europe/Berlin', opening_hours: all_day});
  const room = await ctx.hub.as_admin('POST', '/spaces', {site_id: site.id, name: 'Night room', kind: 'room', capacity: 4, mode: 'exclusive'});
  const member = await ctx.hub.add_member('Carla Example');
  const other = await ctx.hub.add_member('Dora Example');
  const start = Date.now() + 2 * 60 * 1000;
  const booking = await ctx.hub.as_admin('POST', '/bookings', {space_id: room.id, start: rfc3339(start),
    end: rfc3339(start + 60 * 60 * 1000), seats: 1, user_id: member.id});
  await ctx.hub.as_admin('POST', '/bookings', {space_id: room.id, start: rfc3339(start + 2 * 60 * 60 * 1000),
    end: rfc3339(start + 3 * 60 * 60 * 1000), seats: 1, user_id: other.id});

  const page = await open_page(ctx.browser, ctx.hub);
  await sign_in(page, ctx.hub.admin);
  await go(page, '/admin/front-desk');
  const row = page.locator(`tr[data-booking-id="${booking.id}"]`);
  await row.waitFor();
  await page.fill('.toolbar input[type=search]', 'carla');
  await page.waitForFunction(() => document.querySelectorAll('[data-front-desk] tbody tr').length === 1);
  assert.match(await row.textContent(), /Night room/);
  await assert_accessible(page, 'the front desk');

  await row.locator('button', {hasText: de.check_in}).click();
  await page.waitForFunction((text) => document.getElementById('status')?.textContent === text,
    de.front_desk_checked_in.replace('{member}', member.name));
  await row.locator('.badge.status-checked_in').waitFor();
  assert.equal((await ctx.hub.as_admin('GET', `/bookings/${booking.id}`)).status, 'checked_in');
  await page.fill('.toolbar input[type=search]', 'nobody by this name');
  await page.waitForSelector('[data-front-desk] .notice');
  assert.equal(await page.textContent('[data-front-desk] .notice'), de.front_desk_nobody_found);
  assert_clean(page);
});
