// An admin changes a room's capacity and opening hours; a member then sees the new capacity
// and only the new opening hours as bookable on the room timeline.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {with_hub, de, next_weekday} from './support/fixture.mjs';
import {open_page, sign_in, go, assert_accessible, assert_clean, screenshot} from './support/browser.mjs';
import {items} from './support/hub.mjs';

const ctx = with_hub();

test('an admin changes a room\'s capacity and opening hours and a member sees the effect', async () => {
  const spaces = items(await ctx.hub.as_admin('GET', '/spaces?kind=lab'));
  assert.ok(spaces.length > 0, 'the demo hub has a lab');
  const lab = spaces[0];

  const admin = await open_page(ctx.browser, ctx.hub);
  await sign_in(admin, ctx.hub.admin);
  await go(admin, '/admin/spaces');
  const row = admin.locator(`tr[data-space-id="${lab.id}"]`);
  await row.waitFor();
  await assert_accessible(admin, 'admin spaces');
  await screenshot(admin, 'admin-spaces');

  await row.locator('button').click();
  const dialog = admin.locator('dialog[open]');
  await dialog.waitFor();
  await assert_accessible(admin, 'the space editor');
  await dialog.locator('input[type=number]').first().fill('5');
  for (const day of ['mon', 'tue', 'wed', 'thu', 'fri']) {
    const hours = dialog.locator(`tr[data-day=${day}]`);
    await hours.locator('input[type=checkbox]').check();
    await hours.locator('select[data-time]').nth(0).selectOption('10:00');
    await hours.locator('select[data-time]').nth(1).selectOption('14:00');
  }
  await dialog.locator('.dialog-actions button[type=submit]').click();
  await admin.waitForSelector('dialog[open]', {state: 'detached'});
  await admin.waitForSelector('#status.status-success p');
  await admin.locator(`tr[data-space-id="${lab.id}"] td:nth-child(3)`).filter({hasText: '5'}).waitFor();

  const stored = await ctx.hub.as_admin('GET', `/spaces/${lab.id}`);
  assert.equal(stored.capacity, 5);
  assert.deepEqual(stored.opening_hours.monday, [{open: '10:00', close: '14:00'}]);
  assert_clean(admin);

  const member = await ctx.hub.add_member('Erik Example');
  const page = await open_page(ctx.browser, ctx.hub);
  await sign_in(page, member);
  await go(page, '/rooms');
  await page.fill('.toolbar input[type=date]', next_weekday());
  await page.selectOption('.toolbar select', 'lab');
  await page.click('.toolbar button[type=submit]');
  const card = page.locator(`section.room[data-space-id="${lab.id}"]`);
  await card.waitFor();
  assert.match(await card.locator('.room-meta').textContent(), new RegExp(de.seats_count.replace('{count}', '5')));
  const free_hours = await card.locator('.slot-free').allTextContents();
  assert.deepEqual(free_hours, ['10', '11', '12', '13']);
  await assert_accessible(page, 'the room timeline');
  assert_clean(page);
});

test('a capacity cut below future bookings is explained, not shown as an error page', async () => {
  const rooms = items(await ctx.hub.as_admin('GET', '/spaces?kind=room'));
  const room = rooms.sort((a, b) => a.capacity - b.capacity)[0];
  const member = await ctx.hub.add_member('Fiona Example');
  const session = await ctx.hub.sign_in(member.email, member.password);
  const {call} = await import('./support/hub.mjs');
  const day = next_weekday();
  const created = await call(ctx.hub.base, 'POST', '/api/v1/bookings', {...session,
    body: {space_id: room.id, start: `${day}T10:00:00`, end: `${day}T11:00:00`, seats: room.capacity}});
  assert.equal(created.status, 201, JSON.stringify(created.body));

  const admin = await open_page(ctx.browser, ctx.hub);
  await sign_in(admin, ctx.hub.admin);
  await go(admin, '/admin/spaces');
  await admin.locator(`tr[data-space-id="${room.id}"] button`).click();
  const dialog = admin.locator('dialog[open]');
  await dialog.locator('input[type=number]').first().fill('1');
  await dialog.locator('.dialog-actions button[type=submit]').click();
  const alert = dialog.locator('[role=alert]');
  await alert.waitFor();
  assert.ok((await alert.textContent()).startsWith(de.problem_capacity_conflict));
  assert_clean(admin);
});
