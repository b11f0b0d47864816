// A member books a desk on the floor plan, finds it in "my bookings" and cancels it; a second
// member racing for the same desk is told in plain words that someone was quicker.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {with_hub, de, next_weekday} from './support/fixture.mjs';
import {open_page, sign_in, go, assert_accessible, assert_clean, screenshot} from './support/browser.mjs';
import {items} from './support/hub.mjs';

const ctx = with_hub();
const day = next_weekday();

async function show_window(page, from, to) {
  await page.fill('.toolbar input[type=date]', day);
  const times = page.locator('.toolbar select[data-time]');
  await times.nth(0).selectOption(from);
  await times.nth(1).selectOption(to);
  await page.click('.toolbar button[type=submit]');
  await page.waitForSelector('.plan-slot[aria-busy=false] svg.floor-plan');
}

test('a member books a free desk, sees it in my bookings and cancels it', async () => {
  const alice = await ctx.hub.add_member('Alice Example');
  const page = await open_page(ctx.browser, ctx.hub);
  await sign_in(page, alice);
  await show_window(page, '09:00', '11:00');
  await assert_accessible(page, 'the floor plan');

  const desk = page.locator('.desk[data-state=free]').first();
  const desk_id = await desk.getAttribute('data-space-id');
  await desk.focus();
  await page.keyboard.press('Enter');  // the plan is keyboard usable
  await page.waitForSelector('dialog[open]');
  await assert_accessible(page, 'the booking dialog');
  await page.click('dialog[open] .dialog-actions button[type=submit]');
  await page.waitForSelector('dialog[open]', {state: 'detached'});
  await page.waitForSelector(`.desk[data-space-id="${desk_id}"][data-state=mine]`);
  await page.waitForSelector('#status.status-success p');
  // 24 single desks and the flex pool: the desk just booked is no longer counted as free.
  const summary = await page.textContent('.plan-summary');
  assert.ok(summary.startsWith(de.desks_summary.replace('{free}', '23').replace('{taken}', '0').replace('{mine}', '1')), summary);
  await screenshot(page, 'desktop-floor-plan');

  await go(page, '/my/bookings');
  const row = page.locator('tr[data-booking-id]');
  await row.first().waitFor();
  assert.equal(await row.count(), 1);
  const booking_id = await row.first().getAttribute('data-booking-id');
  assert.match(await row.first().textContent(), new RegExp(de.status_confirmed));
  await assert_accessible(page, 'my bookings');
  await screenshot(page, 'my-bookings');

  await row.first().locator('button.danger').click();
  await page.waitForSelector('dialog[open]');
  await page.click('dialog[open] .dialog-actions button.danger');
  await page.waitForSelector(`tr[data-booking-id="${booking_id}"]`, {state: 'detached'});
  const stored = await ctx.hub.as_admin('GET', `/bookings/${booking_id}`);
  assert.equal(stored.status, 'cancelled');
  assert_clean(page);
});

test('a second member racing for the same desk gets a clear message, not an error page', async () => {
  const [bob, carol] = await Promise.all([ctx.hub.add_member('Bob Example'), ctx.hub.add_member('Carol Example')]);
  const pages = [];
  for (const member of [bob, carol]) {
    const page = await open_page(ctx.browser, ctx.hub);
    await sign_in(page, member);
    await show_window(page, '12:00', '13:00');
    pages.push(page);
  }
  const desk_id = await pages[0].locator('.desk[data-state=free]').first().getAttribute('data-space-id');
  for (const page of pages) {
    await page.click(`.desk[data-space-id="${desk_id}"]`);
    await page.waitForSelector('dialog[open]');
  }
  await pages[0].click('dialog[open] .dialog-actions button[type=submit]');
  await pages[0].waitForSelector(`.desk[data-space-id="${desk_id}"][data-state=mine]`);

  await pages[1].click('dialog[open] .dialog-actions button[type=submit]');
  const alert = pages[1].locator('dialog[open] [role=alert]');
  await alert.waitFor();
  const text = await alert.textContent();
  assert.ok(text.startsWith(de.problem_booking_conflict), `unexpected message: ${text}`);
  assert.doesNotMatch(text, /[{}]/);
  // Closing the dialog shows the desk as taken for the loser.
  await pages[1].keyboard.press('Escape');
  await pages[1].waitForSelector('dialog[open]', {state: 'detached'});
  await pages[1].waitForSelector(`.desk[data-space-id="${desk_id}"][data-state=taken]`);

  const mine = items(await ctx.hub.as_admin('GET', `/bookings?user=${carol.id}`));
  assert.equal(mine.filter((b) => b.status !== 'cancelled').length, 0);
  for (const page of pages) assert_clean(page);
});

test('the floor plan works on a phone', async () => {
  const dana = await ctx.hub.add_member('Dana Example');
  const page = await open_page(ctx.browser, ctx.hub, {viewport: {width: 390, height: 844}});
  await sign_in(page, dana);
  await show_window(page, '14:00', '15:00');
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 390, `the page scrolls sideways on a phone (${width}px)`);
  await assert_accessible(page, 'the floor plan on a phone');
  await screenshot(page, 'phone-floor-plan');
  assert_clean(page);
});
