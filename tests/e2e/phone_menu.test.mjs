// On a phone an admin's navigation folds behind a menu button, so the page's content comes
// first; the menu opens and closes by mouse and keyboard and closes again after a choice.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {with_hub, de} from './support/fixture.mjs';
import {open_page, sign_in, assert_accessible, assert_clean} from './support/browser.mjs';

const ctx = with_hub();
const phone = {width: 390, height: 844};

test('an admin on a phone opens the menu, picks a page, and the menu folds again', async () => {
  const page = await open_page(ctx.browser, ctx.hub, {viewport: phone});
  await sign_in(page, ctx.hub.admin);
  const toggle = page.locator('#menu-toggle');
  await toggle.waitFor();
  assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
  assert.equal(await page.locator('#nav a').first().isVisible(), false);
  // The heading of the page is on the first screen, not below fourteen links.
  const heading_top = await page.locator('main h1').evaluate((el) => el.getBoundingClientRect().top);
  assert.ok(heading_top < phone.height / 3, `the page heading starts at ${heading_top}px`);
  await assert_accessible(page, 'a phone page with the menu closed');

  await toggle.click();
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
  const link = page.locator('#nav a', {hasText: de.nav_admin_users});
  assert.equal(await link.isVisible(), true);
  await assert_accessible(page, 'the open menu on a phone');
  await link.click();
  await page.waitForFunction((text) => document.querySelector('main h1')?.textContent === text, de.nav_admin_users);
  assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
  assert.equal(await link.isVisible(), false);

  // By keyboard: Enter opens, Escape closes and gives focus back to the button.
  await toggle.focus();
  await page.keyboard.press('Enter');
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
  await page.locator('#nav a').first().focus();
  await page.keyboard.press('Escape');
  assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'menu-toggle');
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= phone.width, `the page scrolls sideways on a phone (${width}px)`);
  assert_clean(page);
});

test('on a wide screen the navigation shows and the menu button does not', async () => {
  const page = await open_page(ctx.browser, ctx.hub);
  await sign_in(page, ctx.hub.admin);
  await page.locator('#nav a', {hasText: de.nav_admin_users}).waitFor();
  assert.equal(await page.locator('#menu-toggle').isVisible(), false);
  assert_clean(page);
});
