// German first, English second: the switch changes every string and the lang attribute, and
// the choice survives a reload.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {with_hub, de, en} from './support/fixture.mjs';
import {open_page, sign_in, assert_accessible, assert_clean} from './support/browser.mjs';
import {wait_for} from './support/wait.mjs';

const ctx = with_hub();

test('the UI switches between German and English and remembers the choice', async () => {
  const member = await ctx.hub.add_member('Hanna Example');
  const page = await open_page(ctx.browser, ctx.hub);
  await page.waitForSelector('main h1');
  assert.equal(await page.getAttribute('html', 'lang'), 'de');
  assert.equal(await page.textContent('main h1'), de.sign_in);
  await assert_accessible(page, 'sign-in (de)');

  await page.click('#lang-switch');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  await page.waitForFunction((text) => document.querySelector('main h1')?.textContent === text, en.sign_in);
  assert.equal(await page.textContent('.skip-link'), en.skip_to_content);
  assert.equal(await page.textContent('#lang-switch'), en.switch_to_de);

  await page.reload();
  await page.waitForFunction((text) => document.querySelector('main h1')?.textContent === text, en.sign_in);
  assert.equal(await page.getAttribute('html', 'lang'), 'en');

  await sign_in(page, member);
  await page.waitForFunction((text) => document.querySelector('main h1')?.textContent === text, en.nav_desks);
  assert.match(await page.textContent('#nav'), new RegExp(en.nav_my_bookings));

  await page.click('#lang-switch');
  await page.waitForFunction((text) => document.querySelector('main h1')?.textContent === text, de.nav_desks);
  assert.equal(await page.getAttribute('html', 'lang'), 'de');
  assert.match(await page.textContent('#nav'), new RegExp(de.nav_my_bookings));
  // Signed in, the switch is the account's language too.
  const language = () => ctx.hub.as_admin('GET', `/users/${member.id}`).then((u) => u.language);
  await wait_for(async () => (await language()) === 'de', {what: 'the account language to become de'});
  await page.click('#lang-switch');
  await wait_for(async () => (await language()) === 'en', {what: 'the account language to become en'});
  assert_clean(page);
});

test('wrong credentials give a friendly message in the chosen language', async () => {
  const page = await open_page(ctx.browser, ctx.hub);
  await page.waitForSelector('input[type=email]');
  await page.fill('input[type=email]', 'nobody@hub.example');
  await page.fill('input[type=password]', 'not the password');
  await page.click('form button[type=submit]');
  const alert = page.locator('main [role=alert]');
  await alert.waitFor();
  assert.equal(await alert.textContent(), de.sign_in_wrong);
  assert_clean(page);
});

test('times read on a 24-hour clock in the German UI even in an English browser', async () => {
  const member = await ctx.hub.add_member('Ines Example');
  const page = await open_page(ctx.browser, ctx.hub, {locale: 'en-US'});
  await sign_in(page, member);
  const start = page.locator('.toolbar select[data-time]').first();
  await start.waitFor();
  assert.equal(await page.getAttribute('html', 'lang'), 'de');
  await start.selectOption('14:30');
  assert.equal(await start.evaluate((el) => el.selectedOptions[0].textContent), '14:30');
  assert.equal(await page.locator('input[type=time]').count(), 0);
  assert_clean(page);
});
