// Every page passes axe-core without serious or critical violations, and the keyboard
// basics hold: a skip link first, dialogs that close on Escape and give focus back.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {with_hub, de} from './support/fixture.mjs';
import {open_page, sign_in, go, assert_accessible, assert_clean} from './support/browser.mjs';

const ctx = with_hub();
const pages = ['/desks', '/rooms', '/my/bookings', '/my/cards', '/admin/spaces', '/admin/sites',
  '/admin/groups', '/admin/users', '/admin/approvals', '/admin/doors', '/admin/controllers', '/admin/access-log'];

test('each page passes axe-core (no serious or critical violations)', async () => {
  const page = await open_page(ctx.browser, ctx.hub);
  await sign_in(page, ctx.hub.admin);
  for (const route of pages) {
    await go(page, route);
    await page.waitForFunction(() => document.querySelector('main h1') && !document.querySelector('main [aria-busy=true]'));
    await page.waitForSelector('main h1:focus');  // focus moved to the new page's heading
    await assert_accessible(page, route);
  }
  assert_clean(page);
});

test('keyboard: skip link first, dialogs close on Escape and return focus', async () => {
  const page = await open_page(ctx.browser, ctx.hub);
  await sign_in(page, ctx.hub.admin);
  await page.reload();  // a fresh page: the first Tab starts from the top of the document
  await page.waitForSelector('.plan-slot[aria-busy=false]');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.className), 'skip-link');
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), de.skip_to_content);

  await go(page, '/admin/spaces');
  const edit = page.locator('tr[data-space-id] button').first();
  await edit.focus();
  await page.keyboard.press('Enter');
  await page.waitForSelector('dialog[open]');
  // Focus is inside the dialog and stays there (the page behind is inert).
  for (let i = 0; i < 40; i += 1) {
    await page.keyboard.press('Tab');
    assert.ok(await page.evaluate(() => !!document.activeElement?.closest('dialog[open]') || document.activeElement === document.body),
      'focus left the dialog');
  }
  await page.keyboard.press('Escape');
  await page.waitForSelector('dialog[open]', {state: 'detached'});
  assert.ok(await edit.evaluate((el) => el === document.activeElement), 'focus returned to the opener');
  assert_clean(page);
});
