// An admin watches the live access log while a door controller reports a tap: the event shows
// up without a reload and is announced; filters hide it; the doors page shows the controller
// online with its live status. An admin registers a controller there, a board enrols with the
// token the dialog showed, and the admin revokes it. Both pages pass axe-core.
import {test, after} from 'node:test';
import assert from 'node:assert/strict';
import {with_hub, de, en} from './support/fixture.mjs';
import {open_page, sign_in, go, assert_accessible, assert_clean, screenshot} from './support/browser.mjs';
import {items} from './support/hub.mjs';
import {board} from './support/board.mjs';

const ctx = with_hub();
const boards = [];
after(() => boards.forEach((b) => b.close()));

async function admin_page() {
  const page = await open_page(ctx.browser, ctx.hub);
  await sign_in(page, ctx.hub.admin);
  return page;
}

test('a tap at a door appears in the open access log without a reload', async () => {
  const door = items(await ctx.hub.as_admin('GET', '/doors'))[0];
  const b = await board.connect(ctx.hub, door, 'Entrance board');
  boards.push(b);
  const earlier = await b.report('tap_granted');

  const page = await admin_page();
  await go(page, '/admin/access-log');
  await page.waitForSelector(`tr[data-event-id="${earlier}"]`);  // the last events on open
  await page.waitForSelector('.live-state[data-live=open]');
  await assert_accessible(page, 'the access log');
  const loads = [];
  page.on('framenavigated', (frame) => { if (frame === page.mainFrame()) loads.push(frame.url()); });

  const tap = await b.report('tap_denied', {reason: 'outside_window'});
  const row = page.locator(`tr[data-event-id="${tap}"]`);
  await row.waitFor();
  assert.match(await row.textContent(), new RegExp(de.event_tap_denied));
  assert.match(await row.textContent(), new RegExp(de.reason_outside_window), 'the reason in words');
  assert.match(await row.textContent(), new RegExp(door.name));
  await page.waitForFunction((text) => document.getElementById('access-log-announcer').textContent.includes(text),
    de.event_tap_denied);
  assert.deepEqual(loads, [], 'the page was not reloaded');
  await screenshot(page, 'access-log');

  // Filtering by outcome hides the denied tap and keeps the granted one.
  await page.selectOption('select[name=kind]', 'tap_granted');
  await page.click('form[role=search] button[type=submit]');
  await page.waitForSelector(`tr[data-event-id="${tap}"]`, {state: 'detached'});
  await page.waitForSelector(`tr[data-event-id="${earlier}"]`);
  // A new granted tap still arrives live under the filter; a forced door does not show.
  const forced = await b.report('door_forced_open');
  const granted = await b.report('tap_granted');
  await page.waitForSelector(`tr[data-event-id="${granted}"]`);
  assert.equal(await page.locator(`tr[data-event-id="${forced}"]`).count(), 0);
  assert_clean(page);
});

test('the doors page shows each controller live, in the chosen language', async () => {
  const page = await admin_page();
  await page.click('#lang-switch');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  await go(page, '/admin/doors');
  const online = page.locator('tr[data-controller-id][data-online=true]');
  await online.first().waitFor();
  const text = await online.first().textContent();
  assert.match(text, new RegExp(en.controllers_online));
  assert.match(text, new RegExp(en.reader_ok));
  assert.match(text, new RegExp(en.door_state_closed));
  await assert_accessible(page, 'doors and controllers');
  await screenshot(page, 'doors-controllers');
  assert_clean(page);
});

test('an admin registers a controller, its board enrols with the token shown, and is revoked', async () => {
  const door = items(await ctx.hub.as_admin('GET', '/doors'))[0];
  const page = await admin_page();
  await go(page, '/admin/doors');
  await page.click(`button:text("${de.new_controller}")`);
  await page.fill('#controller-form input[name=name]', 'Lab board');
  await page.selectOption('#controller-form select[name=site_id]', String(door.site_id));
  await page.locator('#controller-form fieldset').getByLabel(door.name, {exact: true}).check();
  await assert_accessible(page, 'the new controller dialog');
  await page.click(`button[form=controller-form]`);
  const token = await page.locator('input[name=enrollment-token]').inputValue();
  const command = await page.locator('input[name=enrol-command]').inputValue();
  assert.match(command, new RegExp(`^hubgate-door enroll --service https://127\\.0\\.0\\.1:\\d+ --token ${token} --ca-hash sha256:[0-9a-f]{64} `));
  await page.click(`button:text("${de.done}")`);

  const b = await board.enrol(ctx.hub, token, door, 'Lab board');
  boards.push(b);
  const row = page.locator('tr[data-controller-id][data-online=true]', {hasText: 'Lab board'});
  await row.waitFor({timeout: 30000});

  await row.locator(`button:text("${de.controller_revoke}")`).click();
  await page.click(`dialog button.danger:text("${de.controller_revoke}")`);
  await page.locator('tr[data-controller-id]', {hasText: `Lab board (${de.controller_status_revoked})`}).waitFor();
  assert.equal(items(await ctx.hub.as_admin('GET', '/controllers')).find((c) => c.id === b.id).status, 'revoked');
  assert_clean(page);
});

